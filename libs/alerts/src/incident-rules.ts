import type { RunStatus } from '@hop-luu/harvest-runs';
import type { IncidentKind } from './alert-incident.entity';

/** What one finished run does to a source's incidents: first the resolutions, then the opening. */
export interface RunTransitions {
  readonly resolve: readonly IncidentKind[];
  readonly open: IncidentKind | null;
}

const NONE: RunTransitions = { resolve: [], open: null };

/**
 * The incident rule for runs. A failed run opens RUN_FAILED; a partial one (it reached the end
 * of its list, some records failed) ends RUN_FAILED and STALE and opens RUN_PARTIAL; a
 * successful one ends all three. A run of an incident already open changes nothing (no message);
 * a cancelled run says nothing about the source.
 */
export function transitionsOf(status: RunStatus): RunTransitions {
  switch (status) {
    case 'failed':
      return { resolve: [], open: 'RUN_FAILED' };
    case 'partial':
      return { resolve: ['RUN_FAILED', 'STALE'], open: 'RUN_PARTIAL' };
    case 'succeeded':
      return { resolve: ['RUN_FAILED', 'RUN_PARTIAL', 'STALE'], open: null };
    default:
      return NONE;
  }
}
