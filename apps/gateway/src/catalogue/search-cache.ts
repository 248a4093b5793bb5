import { Inject, Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { CacheAges, searchResultAges } from './cache-ages';

/** After a failed renewal, the next try waits this long (Elasticsearch may be struggling). */
const RENEWAL_RETRY_MS = 1000;

interface Entry {
  readonly result: Promise<object>;
  /** When to start renewing; Infinity until the result has arrived. */
  renewAt: number;
  renewing: boolean;
}

/**
 * Recent search results, shared by every caller. The catalogue only changes when a harvest
 * writes, so answering a repeated search from memory for a few seconds hides nothing a user
 * could notice; identical searches arriving together (a link on a library's home page, a busy
 * facet) cost Elasticsearch one request instead of one each; and a search still in use is
 * renewed in the background before it is too old, so popular searches never wait for
 * Elasticsearch. A failed search is not kept. Each gateway replica has its own cache.
 */
@Injectable()
export class SearchCache {
  private readonly logger = new Logger(SearchCache.name);
  private readonly ages: CacheAges;
  private readonly entries: LRUCache<string, Entry> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ages = searchResultAges(config);
    this.entries =
      this.ages.maxAgeMs > 0
        ? new LRUCache<string, Entry>({
            max: config.gateway.searchCacheEntries,
            ttl: this.ages.maxAgeMs,
          })
        : undefined;
  }

  /** The remembered result for `key`, else the one `compute` gives (computed once for concurrent callers). */
  get<T extends object>(key: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries?.get(key);
    if (!entry) return this.start(key, compute);
    if (!entry.renewing && Date.now() >= entry.renewAt) this.renew(key, entry, compute);
    return entry.result as Promise<T>;
  }

  /** Forgets every result, for changes that must show at once (a source deleted). */
  clear(reason: string): void {
    if (!this.entries || this.entries.size === 0) return;
    this.logger.log(`search cache cleared (${this.entries.size} results): ${reason}`);
    this.entries.clear();
  }

  private start<T extends object>(key: string, compute: () => Promise<T>): Promise<T> {
    const result = compute();
    if (!this.entries) return result;
    this.remember(key, result);
    return result;
  }

  private remember(key: string, result: Promise<object>): void {
    const entry: Entry = { result, renewAt: Infinity, renewing: false };
    this.entries!.set(key, entry);
    result.then(
      () => (entry.renewAt = Date.now() + this.ages.renewAfterMs),
      () => {
        if (this.current(key) === entry) this.entries!.delete(key);
      },
    );
  }

  /** The entry under `key`, even one just past its age (peek neither refreshes nor drops it). */
  private current(key: string): Entry | undefined {
    return this.entries!.peek(key, { allowStale: true });
  }

  /** Computes a fresh result while the old one is still served; after a failure the old one stays until it is too old. */
  private renew(key: string, entry: Entry, compute: () => Promise<object>): void {
    entry.renewing = true;
    compute().then(
      (fresh) => {
        // Not when the cache was cleared meanwhile: the fresh result may predate the change.
        if (this.current(key) === entry) this.remember(key, Promise.resolve(fresh));
      },
      (error: Error) => {
        entry.renewing = false;
        entry.renewAt = Date.now() + RENEWAL_RETRY_MS;
        this.logger.warn(
          `renewing a remembered search failed, the old result stays: ${error.message}`,
        );
      },
    );
  }
}
