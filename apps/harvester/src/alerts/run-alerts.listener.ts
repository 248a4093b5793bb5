import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AlertsService } from '@hop-luu/alerts';
import {
  QUALITY_UPDATED,
  RUN_FINISHED,
  type QualityUpdatedEvent,
  type RunFinishedEvent,
} from '../events/harvest-events';

/**
 * What follows a run goes through the incident rules, off the run's path: the run itself
 * (failed, partial, succeeded) and the quality report stored after it (a sharp drop). Rules
 * under way when the process stops are finished before its connections close, so a harvester
 * stopped right after a run still tells what the run called for.
 */
@Injectable()
export class RunAlertsListener implements BeforeApplicationShutdown {
  private readonly underWay = new Set<Promise<void>>();

  constructor(private readonly alerts: AlertsService) {}

  @OnEvent(RUN_FINISHED, { async: true, suppressErrors: true })
  onRunFinished(run: RunFinishedEvent): Promise<void> {
    return this.track(this.alerts.onRunFinished(run));
  }

  @OnEvent(QUALITY_UPDATED, { async: true, suppressErrors: true })
  onQualityUpdated(event: QualityUpdatedEvent): Promise<void> {
    return this.track(this.alerts.onQualityUpdated(event.sourceId, event.report, event.previous));
  }

  /**
   * Runs after every module's onModuleDestroy (the quality listener's last report is stored
   * and announced by then) and before the connections close. An async listener starts on the
   * next turn of the event loop, so one turn passes before looking at what is under way.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...this.underWay]);
  }

  private track(work: Promise<void>): Promise<void> {
    this.underWay.add(work);
    return work.finally(() => this.underWay.delete(work));
  }
}
