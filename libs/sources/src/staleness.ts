import { createTask } from 'node-cron';

// Enough fire times to see the longest gap of weekday and monthly patterns.
const SAMPLED_FIRES = 12;
const gaps = new Map<string, number | null>();

/**
 * The longest time between two fire times of a cron schedule (UTC, as the scheduler runs it),
 * in milliseconds; null for an expression node-cron refuses. "0 2 * * 1-5" gives three days, so
 * a weekend never makes a weekday source stale. Remembered: sources share a few schedules.
 */
export function scheduleIntervalMs(schedule: string): number | null {
  if (!gaps.has(schedule)) {
    if (gaps.size > 1000) gaps.clear();
    gaps.set(schedule, longestGap(schedule));
  }
  return gaps.get(schedule) ?? null;
}

/**
 * True when a scheduled source has had no successful harvest (succeeded or partial) within
 * twice its schedule's interval, counted from registration when it never had one.
 */
export function isStale(
  source: { readonly schedule: string | null; readonly createdAt: Date },
  lastSuccessAt: Date | null,
  now: Date,
): boolean {
  if (!source.schedule) return false;
  const interval = scheduleIntervalMs(source.schedule);
  if (interval === null) return false;
  return now.getTime() - (lastSuccessAt ?? source.createdAt).getTime() > 2 * interval;
}

function longestGap(schedule: string): number | null {
  let task: ReturnType<typeof createTask> | undefined;
  try {
    task = createTask(schedule, () => undefined, { timezone: 'UTC' });
    const fires = task.getNextRuns(SAMPLED_FIRES).map((date) => date.getTime());
    const longest = Math.max(0, ...fires.slice(1).map((fire, i) => fire - fires[i]));
    return longest > 0 ? longest : null;
  } catch {
    return null;
  } finally {
    void task?.destroy();
  }
}
