import { INestApplicationContext } from '@nestjs/common';
import { HarvestRun, HarvestRunsService } from '@hop-luu/harvest-runs';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import {
  harvesterContext,
  indexedIds,
  queueRun,
  registerSource,
  until,
  waitForRun,
} from './support/harvest-helpers';
import { HarvesterProcess, spawnHarvester } from './support/harvester-process';
import { expectedIds } from './support/provider-state';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

/** Real harvester processes, killed and raced for real. */
describe('harvester processes', () => {
  let provider: OaiProvider;
  let env: TestEnv;
  let ctx: INestApplicationContext;
  const processes: HarvesterProcess[] = [];

  function start(): HarvesterProcess {
    const harvester = spawnHarvester(env);
    processes.push(harvester);
    return harvester;
  }

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        { name: 'slow', records: 120, pageSize: 10, generator: { seed: 11 } },
        ...['a', 'b', 'c'].map((name, i) => ({
          name: `race-${name}`,
          records: 30,
          pageSize: 5,
          generator: { seed: 20 + i },
        })),
      ],
    });
    // A pause between requests keeps a list running long enough to kill it midway.
    env = await isolatedTestEnv('processes', { HARVEST_POLITENESS_DELAY_MS: '150' });
    ctx = await harvesterContext(env);
    for (const repo of ['slow', 'race-a', 'race-b', 'race-c'])
      await registerSource(ctx, provider, repo);
  });

  afterAll(async () => {
    for (const harvester of processes) harvester.child.kill('SIGKILL');
    await ctx?.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  it('resumes a run whose process was killed with SIGKILL mid-list, losing and duplicating nothing', async () => {
    const first = start();
    await first.ready;
    const queued = await queueRun(ctx, 'slow');
    const runs = ctx.get(HarvestRunsService);
    await until(async () => ((await runs.get(queued.id))?.pages ?? 0) >= 3, 30_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const interrupted = await runs.get(queued.id);
    expect(interrupted).toMatchObject({ status: 'running' });
    expect(interrupted!.lastToken).toBeTruthy();

    const second = start();
    await second.ready;
    await until(async () => (await runs.get(queued.id))?.status === 'failed', 30_000);
    const resume = (await runs.list({ sourceId: 'slow' }, 10)).find(
      (run) => run.resumesRunId === queued.id,
    )!;
    const resumed = await waitForRun(ctx, resume.id, 60_000);

    expect(resumed).toMatchObject({ status: 'succeeded', trigger: 'resume' });
    // It continued from the stored token: the pages before it were not asked again.
    const firstTokenRequests = provider
      .repo('slow')
      .requests.filter((r) => r.params.verb === 'ListRecords' && !r.params.resumptionToken);
    expect(firstTokenRequests).toHaveLength(1);
    const stored = (await runs.get(queued.id))!;
    // At most the one page in flight at the kill is read twice.
    expect(stored.recordsSeen + resumed.recordsSeen).toBeGreaterThanOrEqual(120);
    expect(stored.recordsSeen + resumed.recordsSeen).toBeLessThanOrEqual(120 + 10);
    expect(await indexedIds(ctx, 'slow')).toEqual(expectedIds(provider.repo('slow'), 'slow'));
    second.child.kill('SIGTERM');
    await second.exited;
  }, 120_000);

  it('never lets two processes harvest the same source at once', async () => {
    // Exactly two harvesters: none left over from an earlier test.
    for (const leftover of processes.splice(0)) {
      leftover.child.kill('SIGKILL');
      await leftover.exited;
    }
    const [one, two] = [start(), start()];
    await Promise.all([one.ready, two.ready]);
    const finished: HarvestRun[] = [];
    for (let wave = 0; wave < 3; wave++) {
      const queued = await Promise.all(
        ['race-a', 'race-b', 'race-c'].map((id) => queueRun(ctx, id)),
      );
      finished.push(...(await Promise.all(queued.map((run) => waitForRun(ctx, run.id, 60_000)))));
    }

    expect(finished.every((run) => run.status === 'succeeded')).toBe(true);
    expect(new Set(finished.map((run) => run.worker)).size).toBe(2);
    for (const id of ['race-a', 'race-b', 'race-c']) {
      const spans = finished
        .filter((run) => run.sourceId === id)
        .map((run) => [run.startedAt!.getTime(), run.finishedAt!.getTime()]);
      spans.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++)
        expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
      expect(await indexedIds(ctx, id)).toEqual(expectedIds(provider.repo(id), id));
    }
    one.child.kill('SIGTERM');
    two.child.kill('SIGTERM');
    await Promise.all([one.exited, two.exited]);
  }, 180_000);
});
