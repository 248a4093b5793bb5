import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { HarvestRun, RunError, RunStatus } from './harvest-run.entity';
import { HarvestRunsService } from './harvest-runs.service';

/** A connection of the caller's (the harvester's lock session): claims run on it. */
export interface SqlConnection {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Why a run ended early (INTERRUPTED, LOCK_LOST, SEARCH_UNAVAILABLE, ...). */
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

/** A run keeps at most this many errors (the first ones); its counters count them all. */
export const MAX_ERRORS_PER_RUN = 100;

/**
 * The transitions of a run after it is queued (see the README's state table): claim, start,
 * checkpoint, finish, interrupt. Queueing, resuming and cancelling are in HarvestRunsService.
 * Locks are not: the harvester holds them (a claim runs on the connection holding the lock).
 */
@Injectable()
export class RunLifecycleService {
  constructor(
    @InjectRepository(HarvestRun) private readonly runs: Repository<HarvestRun>,
    private readonly harvestRuns: HarvestRunsService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * queued → running. Offers the oldest queued runs of enabled sources (or exactly
   * `onlyRunId`) to `take`, which answers whether it could lock the run's source; the first
   * taken is marked running by `worker`. All on `connection`, in one transaction, rows locked
   * and others' locked rows skipped, so two harvesters never claim one run.
   */
  async claim(
    connection: SqlConnection,
    worker: string,
    onlyRunId: string | null,
    take: (sourceId: string) => Promise<boolean>,
  ): Promise<string | undefined> {
    await connection.query('BEGIN');
    try {
      const candidates = await connection.query<{ id: string; source_id: string }>(
        `SELECT r.id, r.source_id FROM harvest_runs r JOIN sources s ON s.id = r.source_id
          WHERE r.status = 'queued' AND s.enabled AND ($1::uuid IS NULL OR r.id = $1)
          ORDER BY r.queued_at FOR UPDATE OF r SKIP LOCKED LIMIT 20`,
        [onlyRunId],
      );
      for (const candidate of candidates) {
        if (!(await take(candidate.source_id))) continue;
        await connection.query(
          `UPDATE harvest_runs SET status = 'running', started_at = now(), worker = $2 WHERE id = $1`,
          [candidate.id, worker],
        );
        await connection.query('COMMIT');
        return candidate.id;
      }
      await connection.query('COMMIT');
      return undefined;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** running: the server's clock at the start and the `from` actually sent. */
  async start(runId: string, serverStartTime: Date, fromDate: Date | null): Promise<void> {
    await this.runs.update({ id: runId }, { serverStartTime, fromDate });
  }

  /** running → running: adds a page's counters; false when the run was cancelled meanwhile. */
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

  /** Errors found outside a page (a failing Identify, say). */
  async appendErrors(runId: string, errors: RunError[]): Promise<void> {
    if (errors.length === 0) return;
    await this.runs.query(`UPDATE harvest_runs SET errors = errors || $2::jsonb WHERE id = $1`, [
      runId,
      JSON.stringify(errors),
    ]);
  }

  /** running → succeeded | partial | failed | cancelled; a cancelled run keeps its status. */
  async finish(runId: string, status: RunStatus, failure?: RunFailure): Promise<HarvestRun> {
    await this.runs.update(
      { id: runId, status: 'running' },
      {
        status,
        finishedAt: new Date(),
        errorCode: failure?.code ?? null,
        errorMessage: failure?.message ?? null,
      },
    );
    return this.runs.findOneByOrFail({ id: runId });
  }

  /**
   * running → failed, with a resume queued from the last stored page, in one transaction:
   * there is never such a run without its resume. Null when the run was no longer running
   * (someone else closed it; their resume takes over).
   */
  interrupt(runId: string, failure: RunFailure): Promise<HarvestRun | null> {
    return this.dataSource.transaction(async (manager) => {
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
    });
  }

  /** Runs marked running, whoever runs them (the harvester checks which are orphaned). */
  running(): Promise<HarvestRun[]> {
    return this.runs.findBy({ status: 'running' });
  }

  get(runId: string): Promise<HarvestRun> {
    return this.runs.findOneByOrFail({ id: runId });
  }
}
