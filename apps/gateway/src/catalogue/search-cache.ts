import { Inject, Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { CacheAges, Renewal, searchResultAges } from './cache-ages';

/** Computes a result; `signal` aborts when nobody waits for it any more. */
type Compute<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  readonly result: Promise<object>;
  /** Set once the result has arrived. */
  renewal?: Renewal;
  /** While the result is being computed for callers: how many still wait, and how to stop. */
  pending?: { waiting: number; readonly stop: AbortController };
}

/** For computations nobody can abandon (renewals). */
const NEVER = new AbortController().signal;

/** An entry for a result already at hand. */
const remembered = (result: object): Entry => ({ result: Promise.resolve(result) });

/**
 * Recent search results, shared by every caller. The catalogue only changes when a harvest
 * writes, so answering a repeated search from memory for a few seconds hides nothing a user
 * could notice; identical searches arriving together (a link on a library's home page, a busy
 * facet) cost Elasticsearch one request instead of one each; and a search still in use is
 * renewed in the background before it is too old, so popular searches never wait for
 * Elasticsearch. A failed search is not kept. A search every caller has abandoned (their
 * clients went away) is stopped, so Elasticsearch does not work for nobody. Each gateway
 * replica has its own cache.
 */
@Injectable()
export class SearchCache {
  private readonly logger = new Logger(SearchCache.name);
  private readonly ages: CacheAges;
  private readonly entries: LRUCache<string, Entry> | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: GatewayMetrics,
  ) {
    this.ages = searchResultAges(config);
    this.entries =
      this.ages.maxAgeMs > 0
        ? new LRUCache<string, Entry>({
            max: config.gateway.searchCacheEntries,
            ttl: this.ages.maxAgeMs,
          })
        : undefined;
  }

  /**
   * The remembered result for `key`, else the one `compute` gives (computed once for concurrent
   * callers). `abandoned` aborts when this caller stops waiting; the computation is stopped
   * once every caller waiting for it has.
   */
  get<T extends object>(key: string, compute: Compute<T>, abandoned?: AbortSignal): Promise<T> {
    const entry = this.entries?.get(key);
    this.metrics.searchResults.inc({
      source: !entry ? 'elasticsearch' : entry.pending ? 'shared' : 'memory',
    });
    if (!entry) return this.start(key, compute, abandoned);
    if (entry.renewal?.claim()) this.renew(key, entry, entry.renewal, compute);
    this.addWaiter(key, entry, abandoned);
    return entry.result as Promise<T>;
  }

  /** Forgets every result, for changes that must show at once (a source deleted). */
  clear(reason: string): void {
    if (!this.entries || this.entries.size === 0) return;
    this.logger.log(`search cache cleared (${this.entries.size} results): ${reason}`);
    this.entries.clear();
  }

  /** Starts computing for callers, who may all go away; remembered when the cache is on. */
  private start<T extends object>(
    key: string,
    compute: Compute<T>,
    abandoned?: AbortSignal,
  ): Promise<T> {
    const stop = new AbortController();
    const entry: Entry = {
      result: compute(stop.signal),
      pending: { waiting: 0, stop },
    };
    const settled = () => (entry.pending = undefined);
    entry.result.then(settled, settled);
    if (this.entries) this.remember(key, entry);
    this.addWaiter(key, entry, abandoned);
    return entry.result as Promise<T>;
  }

  private remember(key: string, entry: Entry): void {
    this.entries!.set(key, entry);
    entry.result.then(
      // A renewal always ends in success or failure, so a claim holds until it does.
      () => (entry.renewal = new Renewal(Date.now() + this.ages.renewAfterMs, Infinity)),
      () => {
        if (this.current(key) === entry) this.entries!.delete(key);
      },
    );
  }

  /** Counts a caller waiting for a result still being computed, and lets go when it leaves. */
  private addWaiter(key: string, entry: Entry, abandoned?: AbortSignal): void {
    const pending = entry.pending;
    if (!pending) return;
    if (!abandoned) {
      pending.waiting = Infinity; // a caller that cannot leave keeps the computation going
      return;
    }
    if (abandoned.aborted) return;
    pending.waiting++;
    abandoned.addEventListener('abort', () => {
      if (entry.pending !== pending || --pending.waiting > 0) return;
      // Dropped before stopping, so no caller arriving now joins a search about to fail.
      if (this.current(key) === entry) this.entries?.delete(key);
      this.metrics.searchesStopped.inc();
      pending.stop.abort(new Error('every caller waiting for this search went away'));
    });
  }

  /** The entry under `key`, even one just past its age (peek neither refreshes nor drops it). */
  private current(key: string): Entry | undefined {
    return this.entries?.peek(key, { allowStale: true });
  }

  /** Computes a fresh result while the old one is still served; after a failure the old one stays until it is too old. */
  private renew(key: string, entry: Entry, renewal: Renewal, compute: Compute<object>): void {
    compute(NEVER).then(
      (fresh) => {
        // Not when the cache was cleared meanwhile: the fresh result may predate the change.
        if (this.current(key) === entry) this.remember(key, remembered(fresh));
      },
      (error: Error) => {
        renewal.failed();
        this.logger.warn(
          `renewing a remembered search failed, the old result stays: ${error.message}`,
        );
      },
    );
  }
}
