import { judge, MAX_KEY_POSTINGS } from '@hop-luu/work-matching';
import { UnionFind } from './union-find';
import { CandidatePair, StoredRecord, UntrustedSighting, WorkStore } from './work-store';

/**
 * Largest component matched at once. Past it a component is not explored further (its far
 * side keeps the works it had): memory and time per batch stay bounded whatever the data.
 */
export const COMPONENT_CAP = 1000;

/** What a search around some records found. */
export interface Components {
  /** Each connected component, members in id order. */
  readonly components: string[][];
  /** Every member's stored profile and membership. */
  readonly stored: ReadonlyMap<string, StoredRecord>;
}

/**
 * Judges `recordIds` (new or changed) against their candidates and stores the pairs that
 * match as links, replacing their old links; returns the identifiers seen on candidates whose
 * titles clearly disagree. Only these records are judged: everyone else's links stand.
 */
export async function relink(
  store: WorkStore,
  recordIds: readonly string[],
): Promise<UntrustedSighting[]> {
  if (recordIds.length === 0) return [];
  await store.unlink(recordIds);
  const pairs = await store.candidatePairs(recordIds, MAX_KEY_POSTINGS);
  const stored = await store.load([...new Set([...recordIds, ...pairs.map((p) => p.b)])]);
  const judged = new Set<string>();
  const matches: CandidatePair[] = [];
  const sightings: UntrustedSighting[] = [];
  for (const pair of pairs) {
    const key = pair.a < pair.b ? `${pair.a}\u0000${pair.b}` : `${pair.b}\u0000${pair.a}`;
    const a = stored.get(pair.a)?.profile;
    const b = stored.get(pair.b)?.profile;
    if (judged.has(key) || !a || !b) continue;
    judged.add(key);
    const verdict = judge(a, b);
    if (verdict.kind === 'match') matches.push(pair);
    else if (verdict.kind === 'contradict' && verdict.untrustedIdentifier)
      sightings.push({
        identifier: verdict.untrustedIdentifier,
        titles: [a.shownTitle, b.shownTitle],
        recordIds: [a.recordId, b.recordId],
      });
  }
  await store.link(matches);
  return sightings;
}

/**
 * The connected components around `seeds`: records are connected by stored links (candidates
 * that judge() says match) and by active curator merges. Records in different components can
 * never share a work (a record joins a work only through a match), so clusterComponent on each
 * component gives the partition of the whole. Breadth-first, two queries per step for the
 * whole frontier; the members' profiles are read once at the end.
 */
export async function componentsAround(
  store: WorkStore,
  seeds: readonly string[],
  cap = COMPONENT_CAP,
): Promise<Components> {
  const sets = new UnionFind();
  let frontier = [...new Set(seeds)];
  frontier.forEach((id) => sets.add(id));
  while (frontier.length > 0) {
    const reached = new Set<string>();
    const connect = (a: string, b: string) => {
      if (!sets.has(b)) reached.add(b);
      sets.add(b);
      sets.union(a, b);
    };
    for (const pair of await store.linksOf(frontier)) connect(pair.a, pair.b);
    for (const ids of await store.mergeLinks(frontier))
      for (const id of ids.slice(1)) connect(ids[0], id);
    frontier = [...reached].filter((id) => sets.sizeOf(id) <= cap);
  }
  const groups = sets.groups();
  const stored = await store.load(groups.flat());
  const components = groups.map((ids) => ids.filter((id) => stored.has(id)));
  return { components: components.filter((ids) => ids.length > 0), stored };
}
