import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { isDatabaseUnavailable, LOCK_CLASS, LockSession } from '@hop-luu/database';
import { HarvestRun, RunFailure, RunLifecycleService, RunStatus } from '@hop-luu/harvest-runs';

/** A run this process is executing, with the connection that holds its source's lock. */
export interface ClaimedRun {
  readonly run: HarvestRun;
  /** Its `lost` signal aborts when the lock's connection drops: the run must stop at once. */
  readonly lock: LockSession;
}

/**
 * The harvester's side of the run queue: the locks around the run transitions of
 * libs/harvest-runs. A source is harvested by at most one process at a time: claiming a run
 * takes the source's advisory lock on a connection of its own, held until the run ends, and
 * released by PostgreSQL itself if the process dies. A run's closing write outlasts a short
 * PostgreSQL outage.
 */
@Injectable()
export class RunQueueService {
  private readonly logger = new Logger(RunQueueService.name);
  readonly worker = `${hostname()}:${process.pid}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lifecycle: RunLifecycleService,
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
        const run = await this.lifecycle.get(claimedId);
        this.logger.log(`[${run.sourceId}] run ${run.id} claimed by ${this.worker}`);
        return { run, lock };
      }
    } catch (error) {
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
    return this.lifecycle.claim(lock, this.worker, onlyRunId, async (sourceId) => {
      const [source] = await lock.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
        [LOCK_CLASS.source, sourceId],
      );
      return source.ok;
    });
  }

  /**
   * Ends a running run (see RunLifecycleService.finish). Its last write is retried while
   * PostgreSQL is unreachable (HARVEST_OUTAGE_WAIT_S); past that it throws, and the run, left
   * `running` with its lock released, is closed by the next recoverInterrupted of any harvester.
   */
  finish(runId: string, status: RunStatus, error?: RunFailure): Promise<HarvestRun> {
    return this.retryWhileUnavailable(() => this.lifecycle.finish(runId, status, error));
  }

  /** Ends a running run as failed and queues its resume (RunLifecycleService.interrupt), retried like `finish`. */
  closeForResume(runId: string, failure: RunFailure): Promise<HarvestRun | null> {
    return this.retryWhileUnavailable(() => this.lifecycle.interrupt(runId, failure));
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
    const running = await this.lifecycle.running();
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
