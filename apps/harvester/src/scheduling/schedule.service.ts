import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { schedule, ScheduledTask } from 'node-cron';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { LOCK_CLASS, NotificationsService, PgSession } from '@hop-luu/database';
import { HarvestRunsService } from '@hop-luu/harvest-runs';
import { Source, SOURCES_CHANGED_CHANNEL, SourcesService } from '@hop-luu/sources';

const LEADERSHIP_CHECK_MS = 15_000;

/**
 * Turns each enabled source's cron expression into queued incremental runs. Several
 * harvester processes may run, but only the one holding the scheduler lock schedules (the
 * others take over if it dies); the work itself goes through the queue to whoever is free.
 */
@Injectable()
export class ScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleService.name);
  private readonly tasks = new Map<string, ScheduledTask>();
  private session?: PgSession;
  private timer?: NodeJS.Timeout;
  private leader = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourcesService,
    private readonly runs: HarvestRunsService,
    private readonly notifications: NotificationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.harvester.schedulerEnabled) return;
    // Its own connection: the scheduler lock lives and dies with it.
    this.session = new PgSession(this.config.databaseUrl, 'scheduler', () => this.loseLeadership());
    await this.session.connect();
    const reload = () => void this.reloadIfLeader();
    await this.notifications.subscribe(SOURCES_CHANGED_CHANNEL, reload, reload);
    this.timer = setInterval(() => void this.tryToLead(), LEADERSHIP_CHECK_MS);
    await this.tryToLead();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopTasks();
    await this.session?.close();
  }

  /** Source ids with a live cron task in this process (empty unless it leads). */
  scheduledSourceIds(): string[] {
    return [...this.tasks.keys()].sort();
  }

  private async tryToLead(): Promise<void> {
    if (this.leader || !this.session) return;
    try {
      const [row] = await this.session.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1, 0) AS ok',
        [LOCK_CLASS.scheduler],
      );
      if (!row.ok) return;
      this.leader = true;
      this.logger.log('this process now runs the harvest schedules');
      await this.reloadIfLeader();
    } catch (error) {
      this.logger.warn(`could not check the scheduler lock: ${(error as Error).message}`);
    }
  }

  private loseLeadership(): void {
    // The lock died with the old connection; another process may lead now.
    this.leader = false;
    this.stopTasks();
  }

  private async reloadIfLeader(): Promise<void> {
    if (!this.leader) return;
    const scheduled = (await this.sources.list({ enabled: true })).filter(
      (source) => source.schedule,
    );
    this.stopTasks();
    for (const source of scheduled) this.scheduleSource(source);
    this.logger.log(`scheduled ${scheduled.length} sources`);
  }

  private scheduleSource(source: Source): void {
    const task = schedule(source.schedule!, () => this.queueRun(source.id), {
      name: source.id,
      noOverlap: true,
      timezone: 'UTC',
    });
    this.tasks.set(source.id, task);
  }

  private async queueRun(sourceId: string): Promise<void> {
    try {
      await this.runs.enqueue({ sourceId, mode: 'incremental', trigger: 'schedule' });
    } catch (error) {
      this.logger.error(
        `[${sourceId}] could not queue the scheduled run: ${(error as Error).message}`,
      );
    }
  }

  private stopTasks(): void {
    for (const task of this.tasks.values()) void task.destroy();
    this.tasks.clear();
  }
}
