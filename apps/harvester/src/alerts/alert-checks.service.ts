import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AlertsService, DigestService } from '@hop-luu/alerts';
import { APP_CONFIG, type AppConfig } from '@hop-luu/config';
import { LOCK_CLASS } from '@hop-luu/database';

/**
 * Every ALERT_CHECK_INTERVAL_S, one harvester process (the one that wins the advisory lock for
 * that round) looks for sources that turned stale or recovered and sends a due daily digest.
 * The lock is taken per round on a connection of its own, so a process that dies holds nothing.
 */
@Injectable()
export class AlertChecksService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertChecksService.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly alerts: AlertsService,
    private readonly digest: DigestService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runRound(), this.config.alerts.checkIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round (or the one still going); it does nothing unless this process wins the lock. */
  runRound(): Promise<void> {
    this.round ??= this.lockedRound().finally(() => (this.round = undefined));
    return this.round;
  }

  private async lockedRound(): Promise<void> {
    const runner = this.db.createQueryRunner();
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1, 0) AS ok', [
        LOCK_CLASS.alertChecks,
      ])) as { ok: boolean }[];
      if (!row.ok) return;
      try {
        await this.alerts.checkStale();
        await this.digest.sendIfDue();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, 0)', [LOCK_CLASS.alertChecks]);
      }
    } catch (error) {
      this.logger.warn(`alert checks skipped this round: ${(error as Error).message}`);
    } finally {
      await runner.release();
    }
  }
}
