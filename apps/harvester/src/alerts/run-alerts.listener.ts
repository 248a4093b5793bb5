import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AlertsService } from '@hop-luu/alerts';
import { RUN_FINISHED, type RunFinishedEvent } from '../events/harvest-events';

/** Every finished run goes through the incident rule (after the run is closed, off its path). */
@Injectable()
export class RunAlertsListener {
  constructor(private readonly alerts: AlertsService) {}

  @OnEvent(RUN_FINISHED, { async: true, suppressErrors: true })
  async onRunFinished(run: RunFinishedEvent): Promise<void> {
    await this.alerts.onRunFinished(run);
  }
}
