import { createTask } from 'node-cron';

/** Fire times sampled to find a schedule's longest gap (covers weekday and monthly patterns). */
const SAMPLED_RUNS = 12;
const MEMO_LIMIT = 1000;
const memo = new Map<string, number | null>();

/**
 * The longest time between two consecutive fire times of a cron schedule (UTC, as the
 * scheduler runs it), in milliseconds; null for an expression node-cron refuses. "0 2 * * 1-5"
 * gives three days (Friday to Monday), so a weekend never makes a weekday source stale.
 * Memoised: node-cron takes ~2 ms per expression and sources share a few schedules.
 */
export function scheduleIntervalMs(expression: string): number | null {
  if (memo.has(expression)) return memo.get(expression) ?? null;
  const interval = longestGap(expression);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(expression, interval);
  return interval;
}

function longestGap(expression: string): number | null {
  let task: ReturnType<typeof createTask> | undefined;
  try {
    task = createTask(expression, () => undefined, { timezone: 'UTC' });
    const runs = task.getNextRuns(SAMPLED_RUNS).map((date) => date.getTime());
    let longest = 0;
    for (let i = 1; i < runs.length; i++) longest = Math.max(longest, runs[i] - runs[i - 1]);
    return longest > 0 ? longest : null;
  } catch {
    return null;
  } finally {
    void task?.destroy();
  }
}
