import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { afterFailure, CLEAR, LockoutPolicy, secondsLocked, SignInAttempts } from './lockout';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordMatches } from './password-hashing';
import { AccountLockedError, PeopleError, PeopleErrorCode } from './people.errors';
import { normalEmail } from './people.service';
import { Person } from './person.entity';

const FAILED_MESSAGE =
  'Wrong e-mail or password. Check both, or use "forgot password" to get a reset link by e-mail.';

/**
 * E-mail and password → the person, with a lock-out per account. An address without an account
 * is locked after the same number of tries (remembered in memory), and is checked against a
 * hash as long as a real one, so neither the answer nor its timing tells whether it exists.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger(SignInService.name);
  private readonly policy: LockoutPolicy;
  private readonly nobody = new LRUCache<string, SignInAttempts>({ max: 10_000 });
  /** A hash of nothing anyone knows, checked when there is no real one. */
  private readonly decoy: Promise<string>;

  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = {
      maxFailures: config.console.signInMaxFailures,
      lockoutMs: config.console.lockoutMs,
    };
    this.decoy = hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  }

  /** The person when the password is right; SIGN_IN_FAILED or ACCOUNT_LOCKED otherwise. */
  async signIn(email: string, password: string, now = new Date()): Promise<Person> {
    const address = normalEmail(email).slice(0, 254);
    const person = await this.people
      .createQueryBuilder('person')
      .addSelect('person.passwordHash')
      .leftJoinAndSelect('person.partner', 'partner')
      .where('person.email = :address', { address })
      .getOne();
    const state = person ?? this.nobody.get(address) ?? CLEAR;
    const locked = secondsLocked(state, now);
    if (locked > 0) throw new AccountLockedError(locked);
    const hash = person?.passwordHash ?? (await this.decoy);
    const right = password.length <= MAX_PASSWORD_LENGTH && (await passwordMatches(hash, password));
    if (!person || !person.passwordHash || !right || person.disabled) {
      await this.fail(address, person, state, now);
      throw new PeopleError(PeopleErrorCode.SignInFailed, FAILED_MESSAGE);
    }
    await this.people.update({ id: person.id }, { ...CLEAR, lastSignInAt: now });
    return { ...person, ...CLEAR, lastSignInAt: now, passwordHash: null };
  }

  /**
   * Counts one failure; the one that locks answers ACCOUNT_LOCKED at once. The row is locked
   * while it is counted, so wrong passwords sent all at once are each counted.
   */
  private async fail(
    address: string,
    person: Person | null,
    state: SignInAttempts,
    now: Date,
  ): Promise<void> {
    const next = person
      ? await this.people.manager.transaction(async (tx) => {
          const people = tx.getRepository(Person);
          const current = await people.findOne({
            where: { id: person.id },
            lock: { mode: 'pessimistic_write' },
          });
          const counted = afterFailure(current ?? state, this.policy, now);
          await people.update({ id: person.id }, counted);
          return counted;
        })
      : afterFailure(state, this.policy, now);
    if (!person) this.nobody.set(address, next);
    const locked = secondsLocked(next, now);
    if (locked > 0) {
      this.logger.warn(`sign-in locked for ${address} after repeated failures`);
      throw new AccountLockedError(locked);
    }
  }
}
