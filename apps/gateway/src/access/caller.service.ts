import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessError, AccessErrorCode, Actor, ANONYMOUS, ApiKeysService } from '@hop-luu/access';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { RateLimiter } from './rate-limiter';

/** Works out who is calling (from the API key) and applies their rate limit. */
@Injectable()
export class CallerService {
  private readonly limiter: RateLimiter;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: ApiKeysService,
  ) {
    this.limiter = new RateLimiter(
      config.gateway.rateLimitBurst,
      config.gateway.rateLimitPerSecond,
    );
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
    const caller = actor.kind === 'anonymous' ? anonymousCaller(req) : `partner:${actor.partnerId}`;
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
    return this.limiter.take(anonymousCaller(req)).allowed;
  }
}

/**
 * The socket's address, as Express's req.ip gives it with no trusted proxy; read from the
 * socket so answers given before Express (AnswerCache) count against the same bucket.
 */
const anonymousCaller = (req: IncomingMessage) => `ip:${req.socket.remoteAddress}`;

function keyOf(req: Request): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}
