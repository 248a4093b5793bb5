import type { HarvestRun } from '@hop-luu/harvest-runs';
import type { QualityReport } from '@hop-luu/quality';

/**
 * In-process events of the harvester (through @nestjs/event-emitter), so what follows a run
 * (quality reports, alerts) lives in its own folder instead of growing the runner.
 * Listeners run after the run is closed and its lock released; a listener's failure is logged
 * by the emitter (`suppressErrors`) and never reaches the run.
 */
export const RUN_FINISHED = 'harvest-run.finished';

/** Payload of RUN_FINISHED: the run as stored when it ended (any final status). */
export type RunFinishedEvent = HarvestRun;

/** After a source's data-quality report was stored (apps/harvester/src/quality). */
export const QUALITY_UPDATED = 'source-quality.updated';

/** Payload of QUALITY_UPDATED: the new report and the one it replaced (null for the first). */
export interface QualityUpdatedEvent {
  readonly sourceId: string;
  readonly report: QualityReport;
  readonly previous: QualityReport | null;
}
