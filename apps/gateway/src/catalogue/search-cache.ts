import { Inject, Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';

type Compute = () => Promise<object>;

/**
 * How long each of the gateway's two cache layers keeps an entry: half the setting. An answer
 * (AnswerCache) can be built from a result that was already cached (SearchCache), so two
 * halves keep what a user sees at most GATEWAY_SEARCH_CACHE_SECONDS old.
 */
export function cacheLayerMs(config: AppConfig): number {
  return (config.gateway.searchCacheSeconds * 1000) / 2;
}

/**
 * Recent search results, shared by every caller. The catalogue only changes when a harvest
 * writes, so answering a repeated search from memory for a few seconds hides nothing a user
 * could notice; and identical searches arriving together (a link on a library's home page,
 * a busy facet) cost Elasticsearch one request instead of one each. A failed search is not
 * kept. Each gateway replica has its own cache, so a change reaches every replica's answers
 * at most `GATEWAY_SEARCH_CACHE_SECONDS` late.
 */
@Injectable()
export class SearchCache {
  private readonly logger = new Logger(SearchCache.name);
  private readonly cache: LRUCache<string, object, Compute> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cache =
      config.gateway.searchCacheSeconds > 0
        ? new LRUCache<string, object, Compute>({
            max: config.gateway.searchCacheEntries,
            ttl: cacheLayerMs(config),
            fetchMethod: (_key, _stale, { context }) => context(),
          })
        : undefined;
  }

  /** The cached answer to `key`, else the one `compute` gives (computed once for concurrent callers). */
  async get<T extends object>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.cache) return compute();
    return (await this.cache.fetch(key, { context: compute })) as T;
  }

  /** Forgets every result, for changes that must show at once (a source deleted). */
  clear(reason: string): void {
    if (!this.cache || this.cache.size === 0) return;
    this.logger.log(`search cache cleared (${this.cache.size} results): ${reason}`);
    this.cache.clear();
  }
}
