import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { CLEAR } from './lockout';
import { checkPasswordStrength, hashPassword } from './password-hashing';
import { linkProblem, newLinkToken, tokenHash } from './password-links';
import { PasswordToken, TokenPurpose } from './password-token.entity';
import { PeopleError, PeopleErrorCode } from './people.errors';
import { normalEmail } from './people.service';
import { Person } from './person.entity';

/** A link to send: the token goes into the mail and nowhere else. */
export interface IssuedLink {
  readonly person: Person;
  readonly token: string;
  readonly purpose: TokenPurpose;
  readonly expiresAt: Date;
}

/**
 * Password set-up (after an invitation) and reset links: expiring, single use, stored only as
 * a SHA-256 of the token. A new link replaces the person's earlier unused ones.
 */
@Injectable()
export class PasswordLinksService {
  private readonly logger = new Logger(PasswordLinksService.name);
  private readonly lifetimeMs: Record<TokenPurpose, number>;

  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectRepository(PasswordToken) private readonly tokens: Repository<PasswordToken>,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lifetimeMs = { setup: config.console.setupLinkMs, reset: config.console.resetLinkMs };
  }

  async issue(person: Person, purpose: TokenPurpose, now = new Date()): Promise<IssuedLink> {
    const { token, hash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + this.lifetimeMs[purpose]);
    await this.db.transaction(async (tx) => {
      const tokens = tx.getRepository(PasswordToken);
      await tokens.delete({ personId: person.id, usedAt: IsNull() });
      await tokens.insert({ tokenHash: hash, personId: person.id, purpose, expiresAt });
    });
    return { person, token, purpose, expiresAt };
  }

  /**
   * A reset link for the account of `email`, if there is an enabled one; the caller answers the
   * same either way, so the request does not tell whether the address has an account.
   */
  async requestReset(email: string): Promise<IssuedLink | undefined> {
    const person = await this.people.findOneBy({ email: normalEmail(email).slice(0, 254) });
    if (!person || person.disabled) return undefined;
    return this.issue(person, 'reset');
  }

  /** Sets the password from a link and uses the link up; TOKEN_INVALID or PASSWORD_TOO_WEAK. */
  async redeem(token: string, password: string, now = new Date()): Promise<Person> {
    const hash = tokenHash(token);
    const link = await this.tokens.findOneBy({ tokenHash: hash });
    const problem = linkProblem(link, now);
    if (problem || !link) throw invalidLink(problem);
    const person = await this.people.findOneByOrFail({ id: link.personId });
    if (person.disabled) throw invalidLink('This account is disabled; ask National Library staff.');
    checkPasswordStrength(password, person.email);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      // Only the redemption that marks the link used sets the password: a link works once.
      const used = await tx
        .getRepository(PasswordToken)
        .update({ tokenHash: hash, usedAt: IsNull() }, { usedAt: now });
      if (used.affected !== 1)
        throw invalidLink('This link has been used already; each link works once.');
      await tx.getRepository(Person).update({ id: person.id }, { passwordHash, ...CLEAR });
    });
    this.logger.log(`${person.email} set a password (${link.purpose} link)`);
    return person;
  }
}

function invalidLink(problem: string | undefined): PeopleError {
  return new PeopleError(
    PeopleErrorCode.TokenInvalid,
    `${problem ?? 'This link is not valid.'} Ask for a new one with "forgot password" on the sign-in page.`,
  );
}
