import type { HarvestRun } from '@hop-luu/harvest-runs';
import type { AppConfig } from '@hop-luu/config';
import { isStale, type Source } from '@hop-luu/sources';
import type { SourceStatsLoaders } from './source-stats.loaders';
import { SourceHealth } from './source.types';

/** What a source's health is judged from. */
export interface HealthFacts {
  readonly enabled: boolean;
  readonly schedule: string | null;
  readonly createdAt: Date;
  /** Newest run that ended on its own (succeeded, partial or failed). */
  readonly lastConcluded: Pick<
    HarvestRun,
    'status' | 'startedAt' | 'finishedAt' | 'requests'
  > | null;
  /** When the newest run that reached the end of its list ended. */
  readonly lastSuccessAt: Date | null;
}

export interface HealthRules {
  readonly now: Date;
  /** Average seconds per OAI-PMH request above which a run is slow. */
  readonly slowRequestSeconds: number;
}

/** The rules as configured, judged at this moment. */
export function healthRules(config: AppConfig, now = new Date()): HealthRules {
  return { now, slowRequestSeconds: config.gateway.slowRequestSeconds };
}

/**
 * A source's health, most urgent first: disabled; failing (its latest run failed); stale (a
 * scheduled source with no completed harvest within twice its schedule's longest interval,
 * counted from registration when it never completed one); degraded (latest run partial or
 * slow); never harvested; ok.
 */
export function judgeHealth(facts: HealthFacts, rules: HealthRules): SourceHealth {
  if (!facts.enabled) return SourceHealth.DISABLED;
  const last = facts.lastConcluded;
  if (last?.status === 'failed') return SourceHealth.FAILING;
  if (isStale(facts, facts.lastSuccessAt, rules.now)) return SourceHealth.STALE;
  if (!last) return SourceHealth.NEVER_HARVESTED;
  if (last.status === 'partial' || isSlow(last, rules.slowRequestSeconds))
    return SourceHealth.DEGRADED;
  return SourceHealth.OK;
}

/** A run is slow when its requests took longer than `slowRequestSeconds` each, on average. */
export function isSlow(
  run: Pick<HarvestRun, 'startedAt' | 'finishedAt' | 'requests'>,
  slowRequestSeconds: number,
): boolean {
  if (!run.startedAt || !run.finishedAt || run.requests < 1) return false;
  const seconds = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000;
  return seconds / run.requests > slowRequestSeconds;
}

/** The health of a registered source, with the request's loaders (one query per kind of run). */
export async function healthOfSource(
  source: Pick<Source, 'id' | 'enabled' | 'schedule' | 'createdAt'>,
  stats: SourceStatsLoaders,
  rules: HealthRules,
): Promise<SourceHealth> {
  if (!source.enabled) return SourceHealth.DISABLED;
  const [lastConcluded, lastCompleted] = await Promise.all([
    stats.lastConcludedRun.load(source.id),
    stats.lastCompletedRun.load(source.id),
  ]);
  return judgeHealth(
    { ...source, lastConcluded, lastSuccessAt: lastCompleted?.finishedAt ?? null },
    rules,
  );
}
