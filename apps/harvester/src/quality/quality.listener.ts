import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { HarvestRun } from '@hop-luu/harvest-runs';
import { RUN_FINISHED, RunFinishedEvent } from '../events/harvest-events';
import { OUTAGE_CODES } from '../runs/outage-gate';
import { SourceQualityService } from './source-quality.service';

const OUTAGES = new Set<string>(Object.values(OUTAGE_CODES));

/**
 * Brings a source's data-quality report up to date after each of its runs, whatever its
 * status. Reports are computed one at a time per process, so many runs ending together never
 * pile aggregations onto Elasticsearch; a source's runs that end while it waits count once,
 * with its latest run. A run that ended because Elasticsearch or PostgreSQL did not answer
 * is skipped: the report could not be read, and asking would only add to the outage (its
 * resume brings the report up to date).
 */
@Injectable()
export class QualityListener implements OnModuleDestroy {
  private readonly logger = new Logger(QualityListener.name);
  /** Latest finished run per source still to be counted, in the order they ended. */
  private readonly pending = new Map<string, HarvestRun>();
  private working: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly quality: SourceQualityService) {}

  @OnEvent(RUN_FINISHED)
  onRunFinished(run: RunFinishedEvent): void {
    if (this.stopped || (run.errorCode !== null && OUTAGES.has(run.errorCode))) return;
    this.pending.delete(run.sourceId);
    this.pending.set(run.sourceId, run);
    this.kick();
  }

  /** Lets the report being computed finish before the connections close; drops the rest. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.pending.clear();
    await this.working;
  }

  private kick(): void {
    if (this.working || this.stopped) return;
    this.working = this.drain().finally(() => {
      this.working = undefined;
      // A run that ended between the last look at `pending` and now.
      if (this.pending.size > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.takeNext(); next; next = this.takeNext()) {
      try {
        await this.quality.update(next);
      } catch (error) {
        // The previous report stays; the source's next run tries again.
        this.logger.warn(
          `[${next.sourceId}] quality report after run ${next.id} not updated: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private takeNext(): HarvestRun | undefined {
    const [next] = this.pending.values();
    if (next) this.pending.delete(next.sourceId);
    return next;
  }
}
