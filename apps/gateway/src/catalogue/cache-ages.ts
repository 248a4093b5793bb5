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
