import { Inject, Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';

type Compute = () => Promise<object>;

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
    const { searchCacheSeconds, searchCacheEntries } = config.gateway;
    this.cache =
      searchCacheSeconds > 0
        ? new LRUCache<string, object, Compute>({
            max: searchCacheEntries,
            ttl: searchCacheSeconds * 1000,
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
