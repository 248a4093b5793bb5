import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { RUN_FINISHED, RunFinishedEvent } from '../events/harvest-events';
import { SourceQualityService } from './source-quality.service';

/** Brings a source's data-quality report up to date after each of its runs, whatever its status. */
@Injectable()
export class QualityListener {
  private readonly logger = new Logger(QualityListener.name);

  constructor(private readonly quality: SourceQualityService) {}

  @OnEvent(RUN_FINISHED, { async: true })
  async onRunFinished(run: RunFinishedEvent): Promise<void> {
    try {
      await this.quality.update(run);
    } catch (error) {
      // The previous report stays; the next run tries again.
      this.logger.warn(
        `[${run.sourceId}] quality report after run ${run.id} not updated: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
