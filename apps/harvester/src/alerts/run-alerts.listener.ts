import { Injectable } from '@nestjs/common';
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
 * (failed, partial, succeeded) and the quality report stored after it (a sharp drop).
 */
@Injectable()
export class RunAlertsListener {
  constructor(private readonly alerts: AlertsService) {}

  @OnEvent(RUN_FINISHED, { async: true, suppressErrors: true })
  async onRunFinished(run: RunFinishedEvent): Promise<void> {
    await this.alerts.onRunFinished(run);
  }

  @OnEvent(QUALITY_UPDATED, { async: true, suppressErrors: true })
  async onQualityUpdated(event: QualityUpdatedEvent): Promise<void> {
    await this.alerts.onQualityUpdated(event.sourceId, event.report, event.previous);
  }
}
