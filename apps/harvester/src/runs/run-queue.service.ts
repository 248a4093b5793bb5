import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { isDatabaseUnavailable, LOCK_CLASS, LockSession } from '@hop-luu/database';
import { HarvestRun, HarvestRunsService, RunError, RunStatus } from '@hop-luu/harvest-runs';

/** A run this process is executing, with the connection that holds its source's lock. */
export interface ClaimedRun {
  readonly run: HarvestRun;
  /** Its `lost` signal aborts when the lock's connection drops: the run must stop at once. */
  readonly lock: LockSession;
}

/** Why a run ended early and is continued by a resume run (INTERRUPTED, LOCK_LOST, SEARCH_UNAVAILABLE, ...). */
export interface RunFailure {
  readonly code: string;
  readonly message: string;
}

/** Counters a page adds to its run. */
export interface PageProgress {
  readonly recordsSeen: number;
  readonly recordsIndexed: number;
  readonly recordsUnchanged: number;
  readonly recordsDeleted: number;
  readonly recordsFailed: number;
  readonly bytes: number;
  readonly requests: number;
  readonly retries: number;
  readonly invalidBytesReplaced: number;
  readonly lastToken: string | null;
  readonly currentSet: string | null;
  readonly completeListSize: number | null;
  readonly errors: RunError[];
}

export const MAX_ERRORS_PER_RUN = 100;

/**
 * The harvester's side of the run queue. A source is harvested by at most one process at a
 * time: claiming a run takes the source's advisory lock on a connection of its own, held
 * until the run ends, and released by PostgreSQL itself if the process dies.
 */
@Injectable()
export class RunQueueService {
  private readonly logger = new Logger(RunQueueService.name);
  readonly worker = `${hostname()}:${process.pid}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(HarvestRun) private readonly runs: Repository<HarvestRun>,
    private readonly harvestRuns: HarvestRunsService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Claims the oldest queued run of an enabled source nobody is harvesting (or exactly
   * `onlyRunId`); undefined when there is none to take now.
   */
  async claimNext(onlyRunId?: string): Promise<ClaimedRun | undefined> {
    // A failed connect throws here and fails only this queue check; nothing keeps retrying.
    const lock = await LockSession.open(this.config.databaseUrl, 'run-lock');
    try {
      const claimedId = await this.claimOn(lock, onlyRunId ?? null);
      if (claimedId) {
        const run = await this.runs.findOneByOrFail({ id: claimedId });
        this.logger.log(`[${run.sourceId}] run ${run.id} claimed by ${this.worker}`);
        return { run, lock };
      }
    } catch (error) {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.close();
      throw error;
    }
    await lock.close();
    return undefined;
  }

  private async claimOn(lock: LockSession, onlyRunId: string | null): Promise<string | undefined> {
    // A reindex holds this lock exclusively; harvests wait so the new index misses nothing.
    const [shared] = await lock.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock_shared($1, 0) AS ok',
      [LOCK_CLASS.reindex],
    );
    if (!shared.ok) return undefined;
    await lock.query('BEGIN');
    const candidates = await lock.query<{ id: string; source_id: string }>(
      `SELECT r.id, r.source_id FROM harvest_runs r JOIN sources s ON s.id = r.source_id
        WHERE r.status = 'queued' AND s.enabled AND ($1::uuid IS NULL OR r.id = $1)
        ORDER BY r.queued_at FOR UPDATE OF r SKIP LOCKED LIMIT 20`,
      [onlyRunId],
    );
    for (const candidate of candidates) {
      const [source] = await lock.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
        [LOCK_CLASS.source, candidate.source_id],
      );
      if (!source.ok) continue;
      await lock.query(
        `UPDATE harvest_runs SET status = 'running', started_at = now(), worker = $2 WHERE id = $1`,
        [candidate.id, this.worker],
      );
      await lock.query('COMMIT');
      return candidate.id;
    }
    await lock.query('COMMIT');
    return undefined;
  }

  async markStarted(runId: string, serverStartTime: Date, fromDate: Date | null): Promise<void> {
    await this.runs.update({ id: runId }, { serverStartTime, fromDate });
  }

  /** Adds a page's counters; returns false when the run was cancelled meanwhile. */
  async checkpoint(runId: string, page: PageProgress): Promise<boolean> {
    const result = await this.runs
      .createQueryBuilder()
      .update(HarvestRun)
      .set({
        pages: () => 'pages + 1',
        recordsSeen: () => 'records_seen + :recordsSeen',
        recordsIndexed: () => 'records_indexed + :recordsIndexed',
        recordsUnchanged: () => 'records_unchanged + :recordsUnchanged',
        recordsDeleted: () => 'records_deleted + :recordsDeleted',
        recordsFailed: () => 'records_failed + :recordsFailed',
        bytes: () => 'bytes + :bytes',
        requests: () => 'requests + :requests',
        retries: () => 'retries + :retries',
        invalidBytesReplaced: () => 'invalid_bytes_replaced + :invalidBytesReplaced',
        errors: () => 'errors || CAST(:errors AS jsonb)',
        lastToken: page.lastToken,
        currentSet: page.currentSet,
        completeListSize: page.completeListSize,
      })
      .where('id = :runId AND status = :running', { runId, running: 'running' })
      .setParameters({ ...page, errors: JSON.stringify(page.errors) })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async appendErrors(runId: string, errors: RunError[]): Promise<void> {
    if (errors.length === 0) return;
    await this.runs.query(`UPDATE harvest_runs SET errors = errors || $2::jsonb WHERE id = $1`, [
      runId,
      JSON.stringify(errors),
    ]);
  }

  /**
   * Ends a running run; a cancelled one keeps its status. Returns the final row. A run's
   * last write is retried while PostgreSQL is unreachable (HARVEST_OUTAGE_WAIT_S); past that
   * it throws, and the run, left `running` with its lock released, is closed by the next
   * recoverInterrupted of any harvester.
   */
  async finish(runId: string, status: RunStatus, error?: RunFailure): Promise<HarvestRun> {
    return this.retryWhileUnavailable(async () => {
      await this.runs.update(
        { id: runId, status: 'running' },
        {
          status,
          finishedAt: new Date(),
          errorCode: error?.code ?? null,
          errorMessage: error?.message ?? null,
        },
      );
      return this.runs.findOneByOrFail({ id: runId });
    });
  }

  /**
   * Ends a running run as failed with `failure`'s code and queues its resume from the last
   * stored page, in one transaction: there is never such a run without its resume. Retried
   * like `finish`. Returns the closed run, or null when it was no longer running (someone
   * else closed it; their resume takes over).
   */
  async closeForResume(runId: string, failure: RunFailure): Promise<HarvestRun | null> {
    return this.retryWhileUnavailable(() =>
      this.dataSource.transaction(async (manager) => {
        const runs = manager.getRepository(HarvestRun);
        const closed = await runs.update(
          { id: runId, status: 'running' },
          {
            status: 'failed',
            finishedAt: new Date(),
            errorCode: failure.code,
            errorMessage: failure.message,
          },
        );
        if (!closed.affected) return null;
        const run = await runs.findOneByOrFail({ id: runId });
        await this.harvestRuns.enqueue(
          { sourceId: run.sourceId, mode: run.mode, trigger: 'resume', resumeOf: run },
          manager,
        );
        return run;
      }),
    );
  }

  /** Retries `write` with a doubling pause (1 s to 10 s) while PostgreSQL is unreachable, for HARVEST_OUTAGE_WAIT_S at most. */
  private async retryWhileUnavailable<T>(write: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.config.harvester.outage.closeRetryMs;
    for (let pause = 1000; ; pause = Math.min(pause * 2, 10_000)) {
      try {
        return await write();
      } catch (error) {
        if (!isDatabaseUnavailable(error) || Date.now() + pause > deadline) throw error;
        this.logger.warn(
          `PostgreSQL unreachable (${(error as Error).message}); retrying a run's closing write`,
        );
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /**
   * Runs marked running whose source lock is free belong to a process that died. Each is
   * closed as failed and a resume run is queued from its last stored page.
   */
  async recoverInterrupted(): Promise<number> {
    const running = await this.runs.findBy({ status: 'running' });
    if (running.length === 0) return 0;
    const probe = await LockSession.open(this.config.databaseUrl, 'orphan-probe');
    let recovered = 0;
    try {
      for (const run of running) {
        if (await this.recoverIfOrphaned(probe, run)) recovered++;
      }
    } finally {
      await probe.close();
    }
    return recovered;
  }

  private async recoverIfOrphaned(probe: LockSession, run: HarvestRun): Promise<boolean> {
    const [lock] = await probe.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
      [LOCK_CLASS.source, run.sourceId],
    );
    if (!lock.ok) return false;
    try {
      const closed = await this.closeForResume(run.id, {
        code: 'INTERRUPTED',
        message: `Harvester ${run.worker ?? '?'} stopped during this run, or could not close it; a resume run continues from its last stored page.`,
      });
      if (!closed) return false;
      this.logger.warn(
        `[${run.sourceId}] run ${run.id} was interrupted; queued a resume from its last page`,
      );
      return true;
    } finally {
      await probe.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
        LOCK_CLASS.source,
        run.sourceId,
      ]);
    }
  }
}
