import { isDatabaseUnavailable, SessionLostError } from '@hop-luu/database';
import { isOaiPmhError } from '@hop-luu/oai-pmh';
import { RunStatus } from '@hop-luu/harvest-runs';
import { isSearchUnavailable } from '@hop-luu/search-index';
import { OUTAGE_CODES } from '../runs/outage-gate';

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

/** How a failed run is recorded; `resume` when it is not the source's fault and a resume run continues it. */
export interface Failure {
  readonly code: string;
  readonly message: string;
  readonly resume: boolean;
}

/** The code and message a failed run records: typed errors keep their code. */
export function describeFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (isOaiPmhError(error)) return { code: error.code, message, resume: false };
  if (error instanceof RunInterruptedError) return { code: error.code, message, resume: true };
  if (error instanceof SessionLostError) {
    const why = `${message}; the run stopped at once so that no other harvester overlaps it, and a resume run continues from its last stored page.`;
    return { code: error.code, message: why, resume: true };
  }
  const outage = outageOf(error);
  if (outage) {
    const why = `${outage === OUTAGE_CODES.search ? 'Elasticsearch' : 'PostgreSQL'} did not answer (${message}); a resume run continues from the last stored page once it does.`;
    return { code: outage, message: why, resume: true };
  }
  return { code: 'INTERNAL', message: `Unexpected error: ${message}`, resume: false };
}

function outageOf(error: unknown): string | undefined {
  if (isSearchUnavailable(error)) return OUTAGE_CODES.search;
  if (isDatabaseUnavailable(error)) return OUTAGE_CODES.database;
  return undefined;
}
