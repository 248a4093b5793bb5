import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { IsNull, Repository } from 'typeorm';
import { Actor } from './actor';
import { ApiKey, keyStatus } from './api-key.entity';
import { parseKey, secretMatches, sha256 } from './api-key-secret';

/** How many refused keys are remembered, so repeating one costs no database lookup. */
const REFUSED_KEYS_REMEMBERED = 10_000;
/** last_used_at is written at most this often per key and process: it is a hint, not a log. */
const LAST_USE_PRECISION_MS = 60_000;

/**
 * Turns an API key into the actor it stands for. Accepted keys are never cached: the row is
 * read on every request, so a revocation or expiry applies to the next request on every
 * replica. Refused keys are remembered (by hash, bounded, least recently used leave first):
 * a key once unknown, revoked, expired or mistyped can never become valid, so repeating one
 * costs no lookup.
 */
@Injectable()
export class KeyAuthenticationService {
  private readonly logger = new Logger(KeyAuthenticationService.name);
  private readonly refused = new LRUCache<string, true>({ max: REFUSED_KEYS_REMEMBERED });
  private readonly lastNoted = new LRUCache<string, number>({ max: REFUSED_KEYS_REMEMBERED });

  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  /** The actor a key stands for; undefined for a malformed, unknown, revoked or expired key. */
  async authenticate(key: string, now = new Date()): Promise<Actor | undefined> {
    const parts = parseKey(key);
    if (!parts) return undefined;
    const fingerprint = sha256(key);
    if (this.refused.has(fingerprint)) return undefined;
    const stored = await this.keys.findOne({
      where: { prefix: parts.prefix, revokedAt: IsNull() },
      relations: { partner: true },
    });
    if (
      !stored?.partner ||
      keyStatus(stored, now) !== 'active' ||
      !secretMatches(parts.secret, stored.secretHash)
    ) {
      this.refused.set(fingerprint, true);
      return undefined;
    }
    await this.noteUse(stored, now);
    const { partner } = stored;
    return { kind: partner.role, partnerId: partner.id, name: partner.name };
  }

  /** Records the use at most once a minute per key, so a busy key adds no write per request. */
  private async noteUse(key: ApiKey, now: Date): Promise<void> {
    const noted = this.lastNoted.get(key.id);
    if (noted !== undefined && now.getTime() - noted < LAST_USE_PRECISION_MS) return;
    this.lastNoted.set(key.id, now.getTime());
    await this.keys.update({ id: key.id }, { lastUsedAt: now }).catch((error: Error) => {
      this.logger.warn(`could not record the use of API key ${key.prefix}: ${error.message}`);
    });
  }
}
