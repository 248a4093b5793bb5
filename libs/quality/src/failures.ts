import type { FailureGroup } from './quality-report';

/** How many identifiers a failure group lists; its count is always the full number. */
export const FAILURE_IDENTIFIERS_SHOWN = 20;

/** A failed record the run only sampled: it never reached the stored raw records. */
export interface SampledFailure {
  readonly code: string;
  /** Unset when not even the record's header could be read. */
  readonly identifier?: string;
}

/**
 * Failures of a source: the stored ones (every raw record that failed normalisation, counted
 * exactly) plus those only the run's error sample knows (records the OAI client could not
 * read, or Elasticsearch refused), each identifier once. Largest groups first.
 */
export function mergeFailures(
  stored: readonly FailureGroup[],
  sampled: readonly SampledFailure[],
): FailureGroup[] {
  const groups = new Map<string, { count: number; identifiers: string[] }>();
  for (const group of stored)
    groups.set(group.code, { count: group.count, identifiers: [...group.identifiers] });
  const seen = new Set<string>();
  for (const { code, identifier } of sampled) {
    const key = `${code}\u0000${identifier}`;
    if (identifier !== undefined && seen.has(key)) continue;
    seen.add(key);
    const group = groups.get(code) ?? { count: 0, identifiers: [] };
    groups.set(code, group);
    group.count++;
    if (identifier !== undefined && group.identifiers.length < FAILURE_IDENTIFIERS_SHOWN)
      group.identifiers.push(identifier);
  }
  return [...groups]
    .map(([code, group]) => ({ code, ...group }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
