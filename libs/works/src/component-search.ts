import { MAX_KEY_POSTINGS } from '@hop-luu/work-matching';
import { UnionFind } from './union-find';
import { KeyPosting, WorkStore } from './work-store';

/**
 * Largest component matched at once. Past it a component is not explored further (its far
 * side keeps the works it had): memory and time per batch stay bounded whatever the data.
 */
export const COMPONENT_CAP = 1000;

/**
 * The connected components around `seeds`: records linked by a shared blocking key (keys with
 * more than MAX_KEY_POSTINGS postings ignored) or by an active curator merge. Breadth-first,
 * two queries per step for the whole frontier, never one per record.
 */
export async function componentsAround(
  store: WorkStore,
  seeds: readonly string[],
  cap = COMPONENT_CAP,
): Promise<string[][]> {
  const sets = new UnionFind();
  const expandedKeys = new Set<string>();
  let frontier = [...new Set(seeds)];
  frontier.forEach((id) => sets.add(id));
  while (frontier.length > 0) {
    const postings = await store.usablePostings(frontier, [...expandedKeys], MAX_KEY_POSTINGS);
    const links = await store.mergeLinks(frontier);
    const reached = new Set<string>();
    for (const group of [...byKey(postings, expandedKeys), ...links]) {
      for (const id of group) {
        if (!sets.has(id)) reached.add(id);
        sets.add(id);
        sets.union(group[0], id);
      }
    }
    frontier = [...reached].filter((id) => sets.sizeOf(id) <= cap);
  }
  return sets.groups();
}

/** Postings grouped by key; each key is expanded once. */
function byKey(postings: readonly KeyPosting[], expanded: Set<string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const { key, recordId } of postings) {
    expanded.add(key);
    const group = groups.get(key);
    if (group) group.push(recordId);
    else groups.set(key, [recordId]);
  }
  return [...groups.values()];
}
