import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Logger,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  PasswordLinksService,
  PeopleError,
  PeopleErrorCode,
  PeopleService,
  Person,
  SignInService,
} from '@hop-luu/people';
import { AuthErrorsFilter } from './auth-errors.filter';
import { ConsoleSessions, SESSION_COOKIE } from './console-sessions';
import { PasswordMail } from './password-mail';
import { personView, PersonType } from './people.types';

type Json = Record<string, unknown> | undefined;

/**
 * The console's sign-in endpoints (JSON under /console/auth/). A request that carries the
 * session cookie must send the session's CSRF token as `x-csrf-token` (GET me hands it out);
 * one without the cookie has no sign-in to abuse, so sign-in, reset and set-password work
 * without it too (for programs and tests).
 */
@Controller('console/auth')
@UseFilters(AuthErrorsFilter)
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  constructor(
    private readonly sessions: ConsoleSessions,
    private readonly people: PeopleService,
    private readonly signIns: SignInService,
    private readonly links: PasswordLinksService,
    private readonly mail: PasswordMail,
  ) {}

  @Get('me')
  @Header('cache-control', 'no-store')
  async me(@Req() req: Request): Promise<{ person: PersonType | null; csrfToken: string }> {
    const actor = await this.sessions.actorOf(req);
    const personId = actor && actor.kind !== 'anonymous' ? actor.personId : undefined;
    const person = personId ? await this.people.get(personId) : null;
    return { person: person && personView(person), csrfToken: this.sessions.csrfToken(req) };
  }

  @Post('sign-in')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async signIn(
    @Req() req: Request,
    @Body() body: Json,
  ): Promise<{ person: PersonType; csrfToken: string }> {
    this.guard(req);
    const signedIn = await this.signIns.signIn(text(body, 'email'), text(body, 'password'));
    const csrfToken = await this.sessions.signIn(req, signedIn.id);
    return { person: personView(signedIn), csrfToken };
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.guard(req);
    await this.sessions.signOut(req, res);
  }

  /** Always 202, whether or not the address has an account; the mail goes out meanwhile. */
  @Post('password-reset')
  @HttpCode(202)
  passwordReset(@Req() req: Request, @Body() body: Json): { accepted: true } {
    this.guard(req);
    const email = text(body, 'email');
    void this.links
      .requestReset(email)
      .then((link) => link && this.mail.send(link))
      .catch((error: Error) => this.logger.warn(`password reset mail failed: ${error.message}`));
    return { accepted: true };
  }

  /** Sets a password from a set-up or reset link; every session of that person ends. */
  @Post('password')
  @HttpCode(200)
  async password(@Req() req: Request, @Body() body: Json): Promise<{ person: PersonType }> {
    this.guard(req);
    const person: Person = await this.links.redeem(text(body, 'token'), text(body, 'password'));
    await this.sessions.endAllOf(person.id);
    return { person: personView(await this.people.get(person.id)) };
  }

  /** CSRF_REJECTED for a cookie-carrying request without its session's token. */
  private guard(req: Request): void {
    if (req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) this.sessions.requireCsrf(req);
  }
}

function text(body: Json, field: string): string {
  const value = body?.[field];
  if (typeof value === 'string' && value.length > 0 && value.length <= 1000) return value;
  throw new PeopleError(
    PeopleErrorCode.PersonInvalid,
    `Send JSON with "${field}" as a non-empty string (at most 1000 characters).`,
  );
}
