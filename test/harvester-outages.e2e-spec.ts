import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOCK_CLASS } from '@hop-luu/database';
import { HarvestRun, HarvestRunsService } from '@hop-luu/harvest-runs';
import { ensureElasticsearch, ServiceHandle } from '../scripts/services/elasticsearch';
import { ensurePostgres } from '../scripts/services/postgres';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import {
  harvesterContext,
  indexedIds,
  queueRun,
  registerSource,
  until,
} from './support/harvest-helpers';
import { HarvesterProcess, spawnHarvester } from './support/harvester-process';
import { pidListeningOn, watchProcess, WatchReport } from './support/process-watch';
import { expectedIds } from './support/provider-state';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

// Dedicated instances on this file's own ports: stopping and freezing them disturbs no other file.
const PG_PORT = 54341;
const PG_URL = `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/outages`;
const PG_INSTANCE = 'e2e-outages';
const ES_PORT = 9261;
const ES_URL = `http://127.0.0.1:${ES_PORT}`;
/** Sources of RECORDS records in pages of PAGE: long enough to stop a service mid-list. */
const RECORDS = 1000;
const PAGE = 25;
/** "Small": a pool of 10, the listener, a run's lock, a few Elasticsearch and HTTP sockets. */
const FEW_SOCKETS = 60;

/** The harvester gives up on a frozen Elasticsearch after 6 s (not 30 s × 3): a short freeze outlasts it. */
const SHORT_SEARCH_TIMEOUTS = {
  HARVEST_SEARCH_TIMEOUT_MS: '6000',
  HARVEST_SEARCH_MAX_RETRIES: '0',
};
const FREEZE_MS = 12_000;
const KILLS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RunningHarvester {
  readonly process: HarvesterProcess;
  readonly pid: number;
  readonly liveUrl: string;
}

/**
 * The real harvester process while PostgreSQL stops, Elasticsearch freezes, or the connection
 * holding a run's lock is killed: it stays up with few sockets, its liveness answers, and
 * every source ends with each record indexed once and no run left running.
 */
describe('harvester outages', () => {
  let postgres: ServiceHandle;
  let elasticsearch: ServiceHandle;
  let provider: OaiProvider;
  let env: TestEnv;
  let ctx: INestApplicationContext;
  let harvester: RunningHarvester;
  const processes: HarvesterProcess[] = [];

  async function start(extra: TestEnv = {}): Promise<RunningHarvester> {
    const child = spawnHarvester({ ...env, ...extra });
    processes.push(child);
    await child.ready;
    const liveUrl = /listening on (http:\/\/[^\s"]+)/.exec(child.output())![1] + '/health/live';
    return { process: child, pid: child.child.pid!, liveUrl };
  }

  /** A fast shutdown (SIGINT to the postmaster, as `pg_ctl -m fast` sends), whoever started it. */
  async function stopPostgres(): Promise<void> {
    const postmaster = pidListeningOn(PG_PORT)!;
    process.kill(postmaster, 'SIGINT');
    await until(async () => pidListeningOn(PG_PORT) === undefined, 30_000);
  }

  async function restartPostgres(): Promise<void> {
    postgres = await ensurePostgres({ url: PG_URL, instance: PG_INSTANCE });
  }

  /**
   * Waits for the source's runs to settle while `watch` samples the process, then checks the
   * process stayed up throughout (first, so a broken process is reported as such).
   */
  async function settledWhileWatched(
    sourceId: string,
    watch: { stop(): Promise<WatchReport> },
    timeoutMs: number,
  ): Promise<HarvestRun[]> {
    const settled = await settledRuns(sourceId, timeoutMs).then(
      (runs) => ({ runs }),
      (error: Error) => ({ error }),
    );
    expectStayedUp(await watch.stop());
    if ('error' in settled) throw settled.error;
    return settled.runs;
  }

  /** Waits until the source has no queued or running run; returns its runs, oldest first. */
  async function settledRuns(sourceId: string, timeoutMs: number): Promise<HarvestRun[]> {
    const runs = ctx.get(HarvestRunsService);
    let all: HarvestRun[] = [];
    await until(async () => {
      all = await runs.list({ sourceId }, 50).catch(() => []);
      return all.length > 0 && all.every((run) => !['queued', 'running'].includes(run.status));
    }, timeoutMs);
    return all.reverse();
  }

  async function pagesOf(runId: string): Promise<number> {
    return (await ctx.get(HarvestRunsService).get(runId))?.pages ?? 0;
  }

  async function expectHarvestedOnce(sourceId: string, runs: HarvestRun[]): Promise<void> {
    expect(runs.at(-1)).toMatchObject({ status: 'succeeded' });
    expect(runs.filter((run) => run.status === 'running')).toEqual([]);
    expect(await indexedIds(ctx, sourceId)).toEqual(expectedIds(provider.repo(sourceId), sourceId));
    // Resumes go on from the last stored page: at most the pages in flight are read again.
    const seen = runs.reduce((sum, run) => sum + run.recordsSeen, 0);
    expect(seen).toBeLessThanOrEqual(RECORDS + 2 * PAGE * runs.length);
  }

  function expectStayedUp(report: WatchReport): void {
    expect(report.maxSockets).toBeLessThan(FEW_SOCKETS);
    expect(report.healthFailures.slice(0, 5)).toEqual([]);
    expect(report.samples).toBeGreaterThan(10);
  }

  beforeAll(async () => {
    [postgres, elasticsearch] = await Promise.all([
      ensurePostgres({ url: PG_URL, instance: PG_INSTANCE }),
      ensureElasticsearch({ url: ES_URL, instance: 'e2e-outages', heapMb: 512 }),
    ]);
    const sources = ['pg-idle', 'pg-busy', 'es-idle', 'es-busy', 'lock'];
    provider = await startOaiProvider({
      repositories: sources.map((name, i) => ({
        name,
        records: RECORDS,
        pageSize: PAGE,
        generator: { seed: 40 + i },
      })),
    });
    env = await isolatedTestEnv('outages', {
      DATABASE_URL: PG_URL,
      ELASTICSEARCH_URL: ES_URL,
      // A pause between pages keeps a list running long enough to break something midway.
      HARVEST_POLITENESS_DELAY_MS: '60',
      HARVEST_OUTAGE_WAIT_S: '90',
      HARVEST_OUTAGE_CHECK_MAX_S: '2',
    });
    // The test's own client keeps the default, patient timeouts.
    ctx = await harvesterContext(env);
    for (const name of sources) await registerSource(ctx, provider, name);
    harvester = await start(SHORT_SEARCH_TIMEOUTS);
  }, 300_000);

  afterAll(async () => {
    const esPid = pidListeningOn(ES_PORT);
    if (esPid) process.kill(esPid, 'SIGCONT');
    for (const child of processes) child.child.kill('SIGKILL');
    await ctx?.close();
    await provider?.close();
    if (env) await removeTestEnv(env).catch(() => undefined);
    await Promise.all([elasticsearch?.stop(), postgres?.stop()]);
  }, 120_000);

  it('keeps few sockets and answers /health/live while PostgreSQL is stopped under an idle harvester, then harvests', async () => {
    const watch = watchProcess(harvester.pid, harvester.liveUrl);
    await stopPostgres();
    await sleep(30_000);
    await restartPostgres();
    await queueRun(ctx, 'pg-idle');
    const runs = await settledWhileWatched('pg-idle', watch, 90_000);
    await expectHarvestedOnce('pg-idle', runs);
  }, 180_000);

  it('survives PostgreSQL stopped mid-run: the run is closed and resumed from its last page', async () => {
    const queued = await queueRun(ctx, 'pg-busy');
    await until(async () => (await pagesOf(queued.id)) >= 3, 30_000);
    const watch = watchProcess(harvester.pid, harvester.liveUrl);
    await stopPostgres();
    await sleep(20_000);
    await restartPostgres();
    const runs = await settledWhileWatched('pg-busy', watch, 120_000);
    expect(runs[0]).toMatchObject({ id: queued.id, status: 'failed' });
    expect(runs.length).toBeGreaterThan(1);
    await expectHarvestedOnce('pg-busy', runs);
  }, 240_000);

  it('waits out a frozen Elasticsearch: a run started while it is frozen, and one frozen mid-list', async () => {
    const esPid = pidListeningOn(ES_PORT)!;
    const watch = watchProcess(harvester.pid, harvester.liveUrl);
    // Frozen while the harvester is idle; a run queued meanwhile must not spin or fail for good.
    process.kill(esPid, 'SIGSTOP');
    await queueRun(ctx, 'es-idle');
    await sleep(FREEZE_MS);
    process.kill(esPid, 'SIGCONT');
    const idleRuns = await settledRuns('es-idle', 90_000);
    // Frozen mid-list, for longer than the harvester's Elasticsearch timeouts and retries.
    const queued = await queueRun(ctx, 'es-busy');
    await until(async () => (await pagesOf(queued.id)) >= 3, 30_000);
    process.kill(esPid, 'SIGSTOP');
    await sleep(FREEZE_MS);
    process.kill(esPid, 'SIGCONT');
    const busyRuns = await settledWhileWatched('es-busy', watch, 90_000);

    expect(busyRuns[0]).toMatchObject({ status: 'failed', errorCode: 'SEARCH_UNAVAILABLE' });
    // Waiting for Elasticsearch, not retrying in a loop: a handful of runs, not hundreds.
    expect(idleRuns.length).toBeLessThan(5);
    expect(busyRuns.length).toBeLessThan(5);
    await expectHarvestedOnce('es-idle', idleRuns);
    await expectHarvestedOnce('es-busy', busyRuns);
  }, 240_000);

  it('stops a run at once when the connection holding its lock is killed; the other harvester resumes it', async () => {
    const second = await start({
      ...SHORT_SEARCH_TIMEOUTS,
      HARVEST_CONTACT_EMAIL: 'second@hopluu.invalid',
    });
    const harvesters = [harvester, second];
    const agentOf = (h: RunningHarvester) =>
      h === second ? 'second@hopluu.invalid' : 'catalogue-ops@hopluu.invalid';
    const runs = ctx.get(HarvestRunsService);
    const database = ctx.get(DataSource);
    // Three kills, each of whichever run holds the lock then: the old code's overlap lasted
    // until a queue check (every 5 s) noticed, so one kill might by chance show none.
    const kills: { runId: string; owner: RunningHarvester; at: number }[] = [];
    let current = await queueRun(ctx, 'lock');
    for (let kill = 0; kill < KILLS; kill++) {
      await until(async () => (await pagesOf(current.id)) >= 3, 30_000);
      const worker = (await runs.get(current.id))!.worker!;
      const [backend] = await database.query<{ pid: number }[]>(
        `SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
          WHERE a.application_name = 'hop-luu run-lock' AND a.datname = current_database()
            AND l.locktype = 'advisory' AND l.classid = $1 AND l.granted`,
        [LOCK_CLASS.source],
      );
      await database.query('SELECT pg_terminate_backend($1)', [backend.pid]);
      const owner = harvesters.find((h) => worker.endsWith(`:${h.pid}`))!;
      kills.push({ runId: current.id, owner, at: Date.now() });
      // Without its lock the run must not go on and finish as if it still owned the source.
      const runId = current.id;
      await until(async () => (await runs.get(runId))?.status !== 'running', 30_000);
      expect(await runs.get(runId)).toMatchObject({ status: 'failed' });
      let resume: HarvestRun | undefined;
      await until(async () => {
        resume = (await runs.list({ sourceId: 'lock' }, 10)).find(
          (run) => run.resumesRunId === runId,
        );
        return resume !== undefined;
      }, 10_000);
      current = resume!;
    }
    const all = await settledRuns('lock', 90_000);

    for (const kill of kills) {
      // The killed run's requests after the kill: its owner's, until that process starts a
      // later run of the source. At most the one on its way: never two harvesters at once.
      const workerId = all.find((run) => run.id === kill.runId)!.worker;
      const nextStart = Math.min(
        ...all
          .filter((run) => run.worker === workerId && run.startedAt!.getTime() > kill.at)
          .map((run) => run.startedAt!.getTime()),
      );
      const overlapping = provider
        .repo('lock')
        .requests.filter(
          (r) =>
            r.at > kill.at &&
            r.at < nextStart &&
            String(r.headers['user-agent']).includes(agentOf(kill.owner)),
        );
      expect(overlapping.length).toBeLessThanOrEqual(1);
      const killed = all.find((run) => run.id === kill.runId)!;
      expect(killed.status).toBe('failed');
      expect(['LOCK_LOST', 'INTERRUPTED']).toContain(killed.errorCode);
    }
    await expectHarvestedOnce('lock', all);
    expect(harvester.process.child.exitCode).toBeNull();
    expect(second.process.child.exitCode).toBeNull();
  }, 240_000);
});
