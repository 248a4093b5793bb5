import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
} from '@nestjs/common';
import { AccessError, AccessErrorCode, RateLimitedError } from './access.errors';
import { Actor, ANONYMOUS, isStaff } from './actor';
import { apiKeyOf } from './api-key-header';
import { KeyAuthenticationService } from './key-authentication.service';

/** Who is calling, as the app works it out (the gateway adds its rate limits). */
export interface CallerIdentifier {
  identify(req: IncomingMessage): Promise<Actor>;
}

/** The CallerIdentifier a module gives StaffOnlyGuard. */
export const CALLER_IDENTIFIER = Symbol('CALLER_IDENTIFIER');

/** Identifies by API key alone, for apps with no rate limits of their own (the harvester). */
@Injectable()
export class KeyCallerIdentifier implements CallerIdentifier {
  constructor(private readonly keys: KeyAuthenticationService) {}

  async identify(req: IncomingMessage): Promise<Actor> {
    const key = apiKeyOf(req);
    if (!key) return ANONYMOUS;
    const actor = await this.keys.authenticate(key);
    if (actor) return actor;
    throw new AccessError(
      AccessErrorCode.Unauthenticated,
      'The API key is not valid (unknown, revoked, expired or mistyped); ask the National Library for a new one.',
    );
  }
}

const STATUS_OF: Partial<Record<AccessErrorCode, HttpStatus>> = {
  [AccessErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [AccessErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * The one rule for operator endpoints outside GraphQL (both apps' /metrics): a staff API key,
 * as `X-API-Key` or `Authorization: Bearer` (what Prometheus sends). 401 for a wrong key,
 * 403 without a staff key, 429 with Retry-After when the caller is throttled.
 */
@Injectable()
export class StaffOnlyGuard implements CanActivate {
  constructor(@Inject(CALLER_IDENTIFIER) private readonly caller: CallerIdentifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const actor = await this.caller
      .identify(http.getRequest<IncomingMessage>())
      .catch((error: unknown) => {
        if (!(error instanceof AccessError)) throw error;
        if (error instanceof RateLimitedError)
          http.getResponse<ServerResponse>().setHeader('Retry-After', error.retryAfterSeconds);
        throw new HttpException(error.message, STATUS_OF[error.code] ?? HttpStatus.FORBIDDEN);
      });
    if (!isStaff(actor)) {
      throw new ForbiddenException(
        'This endpoint is for National Library staff: send a staff API key as X-API-Key or Authorization: Bearer.',
      );
    }
    return true;
  }
}
