import { isOaiPmhError } from '@hop-luu/oai-pmh';
import { RunStatus } from '@hop-luu/harvest-runs';

/** A run stopped at a page boundary because this process is shutting down. */
export class RunInterruptedError extends Error {
  readonly code = 'INTERRUPTED';
  constructor(runId: string) {
    super(
      `Run ${runId} stopped at a page boundary because the harvester is shutting down; a resume run continues it.`,
    );
  }
}

/** How a list ended when it did not throw. */
export interface ListOutcome {
  readonly cancelled: boolean;
  /** The server declared more records than it sent (INCOMPLETE_LIST). */
  readonly incompleteMessage?: string;
  readonly failedRecords: number;
}

export function statusOf(outcome: ListOutcome): RunStatus {
  if (outcome.cancelled) return 'cancelled';
  return outcome.failedRecords > 0 || outcome.incompleteMessage ? 'partial' : 'succeeded';
}

/** The code and message a failed run records: typed errors keep their code. */
export function describeFailure(error: unknown): { code: string; message: string } {
  if (isOaiPmhError(error)) return { code: error.code, message: error.message };
  if (error instanceof RunInterruptedError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
