import type { CandidatePair, KeyPosting } from './work-store';

/** A posting as read back from `work_keys` for pairing (whose key, whether its record is weak, its signature). */
export type OtherPosting = Pick<KeyPosting, 'key' | 'recordId' | 'weak' | 'signature'>;

interface Shared {
  keys: number;
  identifier: boolean;
  weak: boolean;
  signature: string;
}

/** `b` is a candidate of `a`; `signature` is b's (its twins are candidates of `a` alike). */
export interface Candidate extends CandidatePair {
  readonly signature: string;
}

/**
 * The candidates of each subject (see README, candidates): records sharing an identifier key
 * with it, or two keys, or one key when either side is weak. `subjects` are the records being
 * relinked with all their postings; `postingsByKey` every posting of their usable keys
 * (other records' and the subjects' own); keys for which `usable` is false are ignored.
 * Each pair comes once per subject in it (a pair of two subjects twice, once each way).
 */
export function candidatePairsOf(
  subjects: ReadonlyMap<string, readonly KeyPosting[]>,
  postingsByKey: ReadonlyMap<string, readonly OtherPosting[]>,
  usable: (key: string) => boolean,
): Candidate[] {
  const pairs: Candidate[] = [];
  for (const [a, own] of subjects) {
    const shared = new Map<string, Shared>();
    for (const posting of own) {
      if (!usable(posting.key)) continue;
      for (const other of postingsByKey.get(posting.key) ?? []) {
        if (other.recordId === a) continue;
        const entry = shared.get(other.recordId) ?? {
          keys: 0,
          identifier: false,
          weak: false,
          signature: other.signature,
        };
        entry.keys++;
        entry.identifier ||= posting.identifier;
        entry.weak ||= posting.weak || other.weak;
        shared.set(other.recordId, entry);
      }
    }
    for (const [b, entry] of shared)
      if (entry.identifier || entry.keys >= 2 || entry.weak)
        pairs.push({ a, b, signature: entry.signature });
  }
  return pairs;
}

/** `items` grouped by `keyOf`, each group in the items' order. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = grouped.get(key);
    if (list) list.push(item);
    else grouped.set(key, [item]);
  }
  return grouped;
}
