import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import proxyAddr from 'proxy-addr';
import {
  AccessError,
  AccessErrorCode,
  Actor,
  ANONYMOUS,
  apiKeyOf,
  CallerIdentifier,
  KeyAuthenticationService,
  RateLimitedError,
} from '@hop-luu/access';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { ConsoleSessions } from '../people/console-sessions';
import { RateLimiter } from './rate-limiter';

/**
 * Works out who is calling (an API key, else a console session cookie) and applies their rate
 * limit. A request with a key is the key's, whatever cookie it carries: programs keep working.
 */
@Injectable()
export class CallerService implements CallerIdentifier {
  private readonly limiter: RateLimiter;
  /** Failed authentications per address: guessing keys costs the guesser, not PostgreSQL. */
  private readonly failures: RateLimiter;
  private readonly trustedProxy: (address: string, hop: number) => boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: KeyAuthenticationService,
    private readonly sessions: ConsoleSessions,
  ) {
    this.limiter = new RateLimiter(
      config.gateway.rateLimitBurst,
      config.gateway.rateLimitPerSecond,
    );
    this.failures = new RateLimiter(
      config.gateway.authFailureBurst,
      config.gateway.authFailuresPerMinute / 60,
    );
    this.trustedProxy = proxyAddr.compile([...config.gateway.trustedProxies]);
  }

  async identify(req: IncomingMessage): Promise<Actor> {
    const key = apiKeyOf(req);
    const actor = key
      ? await this.authenticate(req, key)
      : ((await this.sessions.actorOf(req)) ?? ANONYMOUS);
    const verdict = this.limiter.take(this.bucketOf(req, actor));
    if (!verdict.allowed) {
      const who = actor.kind === 'anonymous' ? 'address' : key ? 'API key' : 'sign-in';
      throw new RateLimitedError(
        `Too many requests for this ${who}; retry in ${verdict.retryAfterSeconds} s.`,
        verdict.retryAfterSeconds,
      );
    }
    return actor;
  }

  /** Each API key's partner, each signed-in person, and each anonymous address has its own bucket. */
  private bucketOf(req: IncomingMessage, actor: Actor): string {
    if (actor.kind === 'anonymous') return this.anonymousCaller(req);
    return actor.personId ? `person:${actor.personId}` : `partner:${actor.partnerId}`;
  }

  /** Takes one failure token before looking the key up; a valid key gives it back. */
  private async authenticate(req: IncomingMessage, key: string): Promise<Actor> {
    const address = this.anonymousCaller(req);
    const verdict = this.failures.take(address);
    if (!verdict.allowed) {
      throw new RateLimitedError(
        `Too many requests with a wrong API key from this address; retry in ${verdict.retryAfterSeconds} s with a valid key, or send no key to search anonymously.`,
        verdict.retryAfterSeconds,
      );
    }
    const actor = await this.keys.authenticate(key);
    if (!actor) {
      throw new AccessError(
        AccessErrorCode.Unauthenticated,
        'The API key is not valid (unknown, revoked, expired or mistyped); ask the National Library for a new one, or send no key to search anonymously.',
      );
    }
    this.failures.refund(address);
    return actor;
  }

  /** Takes a token from an anonymous caller's bucket, for answers given without Apollo. */
  admitAnonymous(req: IncomingMessage): boolean {
    return this.limiter.take(this.anonymousCaller(req)).allowed;
  }

  /**
   * An anonymous caller is its address: the connection's, or, behind a trusted reverse proxy,
   * the one that proxy names in X-Forwarded-For (an untrusted client cannot pick its own).
   * Read from the raw request, so answers given before Express count against the same bucket.
   */
  private anonymousCaller(req: IncomingMessage): string {
    return `ip:${proxyAddr(req, this.trustedProxy)}`;
  }
}
