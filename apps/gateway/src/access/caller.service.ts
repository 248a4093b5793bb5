import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import proxyAddr from 'proxy-addr';
import type { Request } from 'express';
import { AccessError, AccessErrorCode, Actor, ANONYMOUS, ApiKeysService } from '@hop-luu/access';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { RateLimiter } from './rate-limiter';

/** Works out who is calling (from the API key) and applies their rate limit. */
@Injectable()
export class CallerService {
  private readonly limiter: RateLimiter;
  private readonly trustedProxy: (address: string, hop: number) => boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: ApiKeysService,
  ) {
    this.limiter = new RateLimiter(
      config.gateway.rateLimitBurst,
      config.gateway.rateLimitPerSecond,
    );
    this.trustedProxy = proxyAddr.compile([...config.gateway.trustedProxies]);
  }

  async identify(req: Request): Promise<Actor> {
    const key = keyOf(req);
    const actor = key ? await this.keys.authenticate(key) : ANONYMOUS;
    if (!actor) {
      throw new AccessError(
        AccessErrorCode.Unauthenticated,
        'The API key is not valid (unknown, revoked or mistyped); ask the National Library for a new one, or send no key to search anonymously.',
      );
    }
    const caller =
      actor.kind === 'anonymous' ? this.anonymousCaller(req) : `partner:${actor.partnerId}`;
    const verdict = this.limiter.take(caller);
    if (!verdict.allowed) {
      throw new AccessError(
        AccessErrorCode.RateLimited,
        `Too many requests for this ${actor.kind === 'anonymous' ? 'address' : 'API key'}; retry in ${verdict.retryAfterSeconds} s.`,
      );
    }
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

function keyOf(req: Request): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}
