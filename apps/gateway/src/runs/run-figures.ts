import type { HarvestRun } from '@hop-luu/harvest-runs';

type Timed = Pick<HarvestRun, 'startedAt' | 'finishedAt' | 'recordsSeen'>;

/** Records received per second since the run started (until it ended); null before it starts. */
export function recordsPerSecond(run: Timed, now: Date): number | null {
  if (!run.startedAt) return null;
  const seconds = ((run.finishedAt ?? now).getTime() - run.startedAt.getTime()) / 1000;
  return seconds > 0 ? run.recordsSeen / seconds : null;
}

/**
 * Seconds until a running run reaches the completeListSize its source declared, at its pace so
 * far; null when the size is unknown, the run is not running or has not received a record yet,
 * or it harvests sets one by one (the size is then only the current set's list).
 */
export function estimatedSecondsLeft(
  run: Timed & Pick<HarvestRun, 'status' | 'completeListSize' | 'currentSet'>,
  now: Date,
): number | null {
  if (run.status !== 'running' || run.completeListSize === null || run.currentSet !== null)
    return null;
  const rate = recordsPerSecond(run, now);
  if (!rate) return null;
  return Math.ceil(Math.max(0, run.completeListSize - run.recordsSeen) / rate);
}
