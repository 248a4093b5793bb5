import { AppConfig } from '@hop-luu/config';

/** How long one cache layer may keep an entry, and when it starts renewing one still in use. */
export interface CacheAges {
  readonly maxAgeMs: number;
  /** Past this age an entry is renewed in the background while it goes on being served. */
  readonly renewAfterMs: number;
}

function ages(config: AppConfig, share: number): CacheAges {
  const maxAgeMs = config.gateway.searchCacheSeconds * 1000 * share;
  return { maxAgeMs, renewAfterMs: (maxAgeMs * 2) / 3 };
}

/*
 * An answer (AnswerCache) is built from a search result that may itself come from memory
 * (SearchCache), so the two layers share GATEWAY_SEARCH_CACHE_SECONDS between them: what a
 * user sees is never older than the setting. Results take the larger share because renewing
 * one costs an Elasticsearch search; renewing an answer only costs the gateway a GraphQL run.
 */
export const searchResultAges = (config: AppConfig): CacheAges => ages(config, 3 / 4);
export const answerAges = (config: AppConfig): CacheAges => ages(config, 1 / 4);

/** After a renewal failed (or went unheard), another may start this long later. */
const RENEWAL_RETRY_MS = 1000;

/**
 * "Renew before expiry" for one remembered entry, shared by both cache layers: once the entry
 * is due, `claim()` answers true to exactly one caller, who renews it while the others go on
 * being served the old entry. No other claim succeeds until RENEWAL_RETRY_MS after `failed()`,
 * or `unheardMs` after a claim whose outcome nobody reports (the answer cache cannot tell a
 * renewal that produced nothing storable from one still running).
 */
export class Renewal {
  private claimedAt: number | undefined;
  private failedAt: number | undefined;

  constructor(
    private readonly dueAt: number,
    private readonly unheardMs = RENEWAL_RETRY_MS,
  ) {}

  claim(now = Date.now()): boolean {
    if (now < this.dueAt) return false;
    const blockedSince = this.failedAt ?? this.claimedAt;
    const blockedFor = this.failedAt !== undefined ? RENEWAL_RETRY_MS : this.unheardMs;
    if (blockedSince !== undefined && now - blockedSince < blockedFor) return false;
    this.claimedAt = now;
    this.failedAt = undefined;
    return true;
  }

  failed(now = Date.now()): void {
    this.failedAt = now;
  }
}
