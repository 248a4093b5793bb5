import { AppConfig, loadConfig } from '@hop-luu/config';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { SearchCache } from './search-cache';

function cacheWith(seconds: number, entries = 100, metrics = new GatewayMetrics()): SearchCache {
  const config: AppConfig = loadConfig({
    GATEWAY_SEARCH_CACHE_SECONDS: String(seconds),
    GATEWAY_SEARCH_CACHE_ENTRIES: String(entries),
  });
  return new SearchCache(config, metrics);
}

/** The value of one labelled series of a metric, as a scrape would show it. */
async function sample(metrics: GatewayMetrics, name: string, labels: Record<string, string>) {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  const found = metric.values.find((v) =>
    Object.entries(labels).every(([k, value]) => v.labels[k] === value),
  );
  return found?.value ?? 0;
}

/** A search stand-in that counts how often it really ran. */
function counted(result: object = { works: [] }) {
  const search = { runs: 0, compute: async () => ({ ...result, run: ++search.runs }) };
  return search;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A search that runs until its signal aborts (then fails, as the Elasticsearch client does). */
function stoppable() {
  const search = {
    started: 0,
    signals: [] as AbortSignal[],
    compute: (signal: AbortSignal) => {
      search.started++;
      search.signals.push(signal);
      return new Promise<object>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    },
  };
  return search;
}

describe('SearchCache', () => {
  it('answers a repeated search from memory', async () => {
    const cache = cacheWith(10);
    const search = counted();
    const first = await cache.get('q=hue', search.compute);
    const second = await cache.get('q=hue', search.compute);
    expect(second).toEqual(first);
    expect(search.runs).toBe(1);
  });

  it('runs identical searches that arrive together once', async () => {
    const cache = cacheWith(10);
    const search = counted();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => cache.get('q=hue', search.compute)),
    );
    expect(search.runs).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('counts where each result came from', async () => {
    const metrics = new GatewayMetrics();
    const cache = cacheWith(10, 100, metrics);
    const search = counted();
    await Promise.all([cache.get('q=hue', search.compute), cache.get('q=hue', search.compute)]);
    await cache.get('q=hue', search.compute);
    const name = 'hopluu_gateway_search_results_total';
    expect(await sample(metrics, name, { source: 'elasticsearch' })).toBe(1);
    expect(await sample(metrics, name, { source: 'shared' })).toBe(1);
    expect(await sample(metrics, name, { source: 'memory' })).toBe(1);
  });

  it('keeps different searches apart', async () => {
    const cache = cacheWith(10);
    const search = counted();
    await cache.get('q=hue', search.compute);
    await cache.get('q=hanoi', search.compute);
    expect(search.runs).toBe(2);
  });

  it('asks again once a result is older than the configured seconds', async () => {
    const cache = cacheWith(1);
    const search = counted();
    await cache.get('q=hue', search.compute);
    await pause(1100);
    const later = (await cache.get('q=hue', search.compute)) as { run: number };
    expect(later.run).toBe(2);
  });

  // With 1 s, results live up to 750 ms and are renewed from 500 ms on (see cache-ages.ts).
  it('renews a result still in use in the background, answering from memory meanwhile', async () => {
    const cache = cacheWith(1);
    const search = counted();
    await cache.get('q=hue', search.compute);
    await pause(550);
    const during = (await cache.get('q=hue', search.compute)) as { run: number };
    expect(during.run).toBe(1);
    await pause(20);
    const after = (await cache.get('q=hue', search.compute)) as { run: number };
    expect(after.run).toBe(2);
  });

  it('keeps the old result when renewing fails, but never past its age', async () => {
    const cache = cacheWith(1);
    let runs = 0;
    const flaky = async () => {
      if (++runs === 2) throw new Error('Elasticsearch unavailable');
      return { run: runs };
    };
    await cache.get('q=hue', flaky);
    await pause(550);
    expect(await cache.get('q=hue', flaky)).toEqual({ run: 1 });
    await pause(20);
    expect(await cache.get('q=hue', flaky)).toEqual({ run: 1 });
    expect(runs).toBe(2); // no second renewal right after a failed one
    await pause(250);
    expect(await cache.get('q=hue', flaky)).toEqual({ run: 3 });
  });

  it('drops a renewal that ends after the cache was cleared', async () => {
    const cache = cacheWith(1);
    const search = counted();
    await cache.get('q=hue', search.compute);
    await pause(550);
    await cache.get('q=hue', search.compute); // starts renewing (run 2)
    cache.clear('a source was deleted');
    await pause(20);
    const fresh = (await cache.get('q=hue', search.compute)) as { run: number };
    expect(fresh.run).toBe(3);
  });

  it('does not keep a failed search', async () => {
    const cache = cacheWith(10);
    await expect(
      cache.get('q=hue', () => Promise.reject(new Error('Elasticsearch unavailable'))),
    ).rejects.toThrow('Elasticsearch unavailable');
    const search = counted();
    await cache.get('q=hue', search.compute);
    expect(search.runs).toBe(1);
  });

  it('forgets everything when cleared', async () => {
    const cache = cacheWith(10);
    const search = counted();
    await cache.get('q=hue', search.compute);
    cache.clear('a source was deleted');
    await cache.get('q=hue', search.compute);
    expect(search.runs).toBe(2);
  });

  it('holds at most the configured number of results, dropping the least recently used', async () => {
    const cache = cacheWith(10, 2);
    const search = counted();
    await cache.get('a', search.compute);
    await cache.get('b', search.compute);
    await cache.get('a', search.compute);
    await cache.get('c', search.compute); // evicts b, used least recently
    await cache.get('a', search.compute);
    expect(search.runs).toBe(3);
    await cache.get('b', search.compute);
    expect(search.runs).toBe(4);
  });

  it('computes every time when turned off with 0 seconds', async () => {
    const cache = cacheWith(0);
    const search = counted();
    await cache.get('q=hue', search.compute);
    await cache.get('q=hue', search.compute);
    expect(search.runs).toBe(2);
  });

  describe('when callers go away', () => {
    it('stops a search once every caller waiting for it has gone, and starts afresh after', async () => {
      const metrics = new GatewayMetrics();
      const cache = cacheWith(10, 100, metrics);
      const search = stoppable();
      const [a, b] = [new AbortController(), new AbortController()];
      void cache.get('q=hue', search.compute, a.signal).catch(() => undefined);
      void cache.get('q=hue', search.compute, b.signal).catch(() => undefined);
      expect(search.started).toBe(1);
      a.abort();
      expect(search.signals[0].aborted).toBe(false); // b still waits
      b.abort();
      expect(search.signals[0].aborted).toBe(true);
      expect(await sample(metrics, 'hopluu_gateway_searches_stopped_total', {})).toBe(1);
      void cache.get('q=hue', search.compute, new AbortController().signal).catch(() => 0);
      expect(search.started).toBe(2);
      expect(search.signals[1].aborted).toBe(false);
    });

    it('keeps a search going while a caller that cannot go away waits for it', async () => {
      const cache = cacheWith(10);
      const search = stoppable();
      const leaving = new AbortController();
      void cache.get('q=hue', search.compute, leaving.signal).catch(() => undefined);
      void cache.get('q=hue', search.compute).catch(() => undefined);
      leaving.abort();
      expect(search.signals[0].aborted).toBe(false);
    });

    it('stops the search of a lone caller also with the cache off', async () => {
      const cache = cacheWith(0);
      const search = stoppable();
      const leaving = new AbortController();
      void cache.get('q=hue', search.compute, leaving.signal).catch(() => undefined);
      leaving.abort();
      expect(search.signals[0].aborted).toBe(true);
    });
  });
});
