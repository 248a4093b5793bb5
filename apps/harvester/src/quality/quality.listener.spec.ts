import type { HarvestRun } from '@hop-luu/harvest-runs';
import { QualityListener } from './quality.listener';
import type { SourceQualityService } from './source-quality.service';

const run = (id: string, sourceId: string, errorCode: string | null = null) =>
  ({ id, sourceId, errorCode }) as HarvestRun;

/** Records the runs it is asked to count and how many it counted at once. */
function countingService() {
  const counted: string[] = [];
  let running = 0;
  let most = 0;
  const release: (() => void)[] = [];
  const service = {
    update: async (finished: HarvestRun) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => release.push(resolve));
      counted.push(finished.id);
      running--;
    },
  } as unknown as SourceQualityService;
  const releaseAll = async () => {
    while (release.length > 0 || running > 0) {
      release.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { service, counted, most: () => most, releaseAll };
}

describe('QualityListener', () => {
  it('counts one report at a time, a waiting source once with its latest run', async () => {
    const { service, counted, most, releaseAll } = countingService();
    const listener = new QualityListener(service);
    listener.onRunFinished(run('a1', 'a'));
    listener.onRunFinished(run('b1', 'b'));
    listener.onRunFinished(run('a2', 'a'));
    listener.onRunFinished(run('a3', 'a'));
    await releaseAll();
    expect(counted).toEqual(['a1', 'b1', 'a3']);
    expect(most()).toBe(1);
  });

  it('skips a run that ended because Elasticsearch or PostgreSQL did not answer', async () => {
    const { service, counted, releaseAll } = countingService();
    const listener = new QualityListener(service);
    listener.onRunFinished(run('s1', 's', 'SEARCH_UNAVAILABLE'));
    listener.onRunFinished(run('d1', 'd', 'DATABASE_UNAVAILABLE'));
    listener.onRunFinished(run('p1', 'p', 'INCOMPLETE_LIST'));
    await releaseAll();
    expect(counted).toEqual(['p1']);
  });

  it('lets the report in progress finish on shutdown and drops the waiting ones', async () => {
    const { service, counted, releaseAll } = countingService();
    const listener = new QualityListener(service);
    listener.onRunFinished(run('a1', 'a'));
    listener.onRunFinished(run('b1', 'b'));
    const closed = listener.onModuleDestroy();
    await releaseAll();
    await closed;
    listener.onRunFinished(run('c1', 'c'));
    await releaseAll();
    expect(counted).toEqual(['a1']);
  });
});
