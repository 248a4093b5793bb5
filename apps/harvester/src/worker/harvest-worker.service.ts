import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { NotificationsService } from '@hop-luu/database';
import { RUN_QUEUED_CHANNEL } from '@hop-luu/harvest-runs';
import { HarvestRunnerService } from '../harvest/harvest-runner.service';
import { OutageGate } from '../runs/outage-gate';
import { RunQueueService } from '../runs/run-queue.service';

const POLL_INTERVAL_MS = 5000;

/**
 * Picks queued runs and executes up to HARVEST_CONCURRENCY of them at once. Woken by
 * NOTIFY when a run is queued, and by a poll as a safety net; each tick also looks for runs
 * whose process died and queues their resumption. One failing run never stops the others.
 * After a run ended because PostgreSQL or Elasticsearch did not answer, no run is claimed
 * until that service answers again (its resume would fail at once, over and over).
 */
@Injectable()
export class HarvestWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HarvestWorkerService.name);
  private readonly active = new Set<Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private ticking = false;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: RunQueueService,
    private readonly runner: HarvestRunnerService,
    private readonly gate: OutageGate,
    private readonly notifications: NotificationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notifications.subscribe(
      RUN_QUEUED_CHANNEL,
      () => this.wake(),
      () => this.wake(),
    );
    this.timer = setInterval(() => this.wake(), POLL_INTERVAL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.runner.stopAtNextPage();
    await Promise.allSettled([...this.active]);
  }

  /** Resolves when no run is executing in this process (tests and the CLI wait on it). */
  async idle(): Promise<void> {
    while (this.active.size > 0 || this.ticking)
      await Promise.allSettled([...this.active, sleep(50)]);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    void this.tick()
      .catch((error: Error) => this.logger.error(`run queue check failed: ${error.message}`))
      .finally(() => {
        this.ticking = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async tick(): Promise<void> {
    await this.queue.recoverInterrupted();
    while (!this.stopped && this.active.size < this.config.harvester.concurrency) {
      if (!(await this.gate.isOpen())) return;
      const claimed = await this.queue.claimNext();
      if (!claimed) return;
      const execution = this.runner
        .execute(claimed)
        .catch((error: Error) =>
          this.logger.error(`[${claimed.run.sourceId}] run ${claimed.run.id}: ${error.message}`),
        )
        .finally(() => {
          this.active.delete(execution);
          this.wake();
        });
      this.active.add(execution);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
