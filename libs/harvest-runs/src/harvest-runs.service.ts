import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { NotificationsService } from '@hop-luu/database';
import { HarvestRun, RunMode, RunStatus, RunTrigger } from './harvest-run.entity';

/** Channel that wakes idle harvester workers when a run is queued. */
export const RUN_QUEUED_CHANNEL = 'hopluu_run_queued';

export interface RunRequest {
  readonly sourceId: string;
  readonly mode: RunMode;
  readonly trigger: RunTrigger;
  readonly requestedBy?: string | null;
  /** For resumes: continue the interrupted run from its last stored page. */
  readonly resumeOf?: Pick<
    HarvestRun,
    'id' | 'lastToken' | 'currentSet' | 'serverStartTime' | 'fromDate' | 'untilDate' | 'mode'
  >;
}

export interface RunFilter {
  readonly sourceId?: string;
  /** Restricts to these sources (a partner sees only its own). */
  readonly sourceIds?: string[];
  readonly status?: RunStatus;
  /** Any of these statuses (the console's live list asks for queued and running). */
  readonly statuses?: readonly RunStatus[];
}

/** Runs that reached the end of their list: the source's data is current up to them. */
export const COMPLETED_STATUSES: readonly RunStatus[] = ['succeeded', 'partial'];
/** Runs that ended on their own (not cancelled): what a source's health is judged by. */
export const CONCLUDED_STATUSES: readonly RunStatus[] = ['succeeded', 'partial', 'failed'];

/**
 * Harvest runs: queueing (a queued row is the job), reading and cancelling. Executing a run
 * is the harvester's business; the gateway and the CLI only queue and read.
 */
@Injectable()
export class HarvestRunsService {
  private readonly logger = new Logger(HarvestRunsService.name);

  constructor(
    @InjectRepository(HarvestRun) private readonly runs: Repository<HarvestRun>,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Queues a run, unless one is already queued for the source: then that one is returned.
   * Inside a caller's transaction (`manager`) the run and its notification commit with it.
   */
  async enqueue(request: RunRequest, manager?: EntityManager): Promise<HarvestRun> {
    const runs = manager ? manager.getRepository(HarvestRun) : this.runs;
    const waiting = await runs.findOneBy({ sourceId: request.sourceId, status: 'queued' });
    if (waiting) return waiting;
    const resume = request.resumeOf;
    const run = await runs.save(
      runs.create({
        sourceId: request.sourceId,
        mode: resume?.mode ?? request.mode,
        trigger: request.trigger,
        status: 'queued',
        requestedBy: request.requestedBy ?? null,
        resumeToken: resume?.lastToken ?? null,
        currentSet: resume?.currentSet ?? null,
        resumesRunId: resume?.id ?? null,
        serverStartTime: resume?.serverStartTime ?? null,
        fromDate: resume?.fromDate ?? null,
        untilDate: resume?.untilDate ?? null,
      }),
    );
    this.logger.log(`[${run.sourceId}] queued ${run.mode} run ${run.id} (${run.trigger})`);
    await this.notifications.notify(RUN_QUEUED_CHANNEL, run.id, manager);
    return run;
  }

  get(id: string): Promise<HarvestRun | null> {
    return this.runs.findOneBy({ id });
  }

  /** Newest first; `before` is the queuedAt/id of the last row seen, for keyset pagination. */
  list(
    filter: RunFilter,
    limit: number,
    before?: { queuedAt: Date; id: string },
  ): Promise<HarvestRun[]> {
    const query = this.runs
      .createQueryBuilder('run')
      .orderBy('run.queued_at', 'DESC')
      .addOrderBy('run.id', 'DESC')
      .limit(limit);
    if (filter.sourceId) query.andWhere('run.source_id = :sourceId', { sourceId: filter.sourceId });
    if (filter.sourceIds)
      query.andWhere('run.source_id = ANY(:sourceIds)', { sourceIds: filter.sourceIds });
    if (filter.status) query.andWhere('run.status = :status', { status: filter.status });
    if (filter.statuses)
      query.andWhere('run.status = ANY(:statuses)', { statuses: [...filter.statuses] });
    if (before) {
      query.andWhere('(run.queued_at, run.id) < (:queuedAt, :id)', {
        queuedAt: before.queuedAt,
        id: before.id,
      });
    }
    return query.getMany();
  }

  /**
   * The newest run of each source, in one query for many sources; with `statuses`, the newest
   * run that ended in one of them.
   */
  lastRunOf(sourceIds: readonly string[], statuses?: readonly RunStatus[]): Promise<HarvestRun[]> {
    const query = this.runs
      .createQueryBuilder('run')
      .distinctOn(['run.source_id'])
      .where('run.source_id = ANY(:sourceIds)', { sourceIds: [...sourceIds] })
      .orderBy('run.source_id')
      .addOrderBy('run.queued_at', 'DESC');
    if (statuses) query.andWhere('run.status = ANY(:statuses)', { statuses: [...statuses] });
    return query.getMany();
  }

  /** How many runs a source has (kept until the source is deleted). */
  countOf(sourceId: string): Promise<number> {
    return this.runs.countBy({ sourceId });
  }

  /** Cancels a queued or running run; a running one stops after its current page. */
  async cancel(id: string): Promise<HarvestRun | null> {
    const where: FindOptionsWhere<HarvestRun> = { id, status: In(['queued', 'running']) };
    await this.runs.update(where, { status: 'cancelled', finishedAt: new Date() });
    return this.get(id);
  }
}
