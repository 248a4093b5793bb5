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
  /** Identifiers shared by candidates whose titles clearly disagree. */
  readonly sightings: UntrustedSighting[];
}

/**
 * The connected components around `seeds`: records are linked when they are candidates of
 * each other and judge() says they match, or when an active curator merge names both. Records
 * in different components can never share a work (a record joins a work only through a match),
 * so clusterComponent on each component gives the partition of the whole. Breadth-first; each
 * step is three queries for the whole frontier (candidates, profiles, merge links).
 */
export async function componentsAround(
  store: WorkStore,
  seeds: readonly string[],
  cap = COMPONENT_CAP,
): Promise<Components> {
  const sets = new UnionFind();
  const stored = new Map<string, StoredRecord>();
  const sightings: UntrustedSighting[] = [];
  const judged = new Set<string>();
  let frontier = await loadInto(store, stored, [...new Set(seeds)]);
  frontier.forEach((id) => sets.add(id));
  while (frontier.length > 0) {
    const pairs = await store.candidatePairs(frontier, MAX_KEY_POSTINGS);
    await loadInto(
      store,
      stored,
      pairs.map((pair) => pair.b),
    );
    const reached = new Set<string>();
    const link = (a: string, b: string) => {
      if (!sets.has(b)) reached.add(b);
      sets.add(b);
      sets.union(a, b);
    };
    for (const pair of matchingPairs(pairs, stored, judged, sightings)) link(pair.a, pair.b);
    for (const ids of await store.mergeLinks(frontier))
      for (const id of ids.filter((id) => id !== ids[0])) link(ids[0], id);
    frontier = await loadInto(
      store,
      stored,
      [...reached].filter((id) => sets.sizeOf(id) <= cap),
    );
  }
  const components = sets.groups().map((ids) => ids.filter((id) => stored.has(id)));
  return { components: components.filter((ids) => ids.length > 0), stored, sightings };
}

/** The pairs judge() says match (each pair judged once); disagreeing identifiers noted. */
function matchingPairs(
  pairs: readonly CandidatePair[],
  stored: ReadonlyMap<string, StoredRecord>,
  judged: Set<string>,
  sightings: UntrustedSighting[],
): CandidatePair[] {
  const matches: CandidatePair[] = [];
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
  return matches;
}

/** Loads the records not loaded yet; returns `ids` that exist. */
async function loadInto(
  store: WorkStore,
  stored: Map<string, StoredRecord>,
  ids: readonly string[],
): Promise<string[]> {
  const missing = [...new Set(ids)].filter((id) => !stored.has(id));
  for (const [id, record] of await store.load(missing)) stored.set(id, record);
  return ids.filter((id) => stored.has(id));
}

/** Records that the old versions of `records` matched (before the batch replaced them). */
export async function oldNeighbours(
  store: WorkStore,
  records: ReadonlyMap<string, StoredRecord>,
): Promise<string[]> {
  const pairs = await store.candidatePairs([...records.keys()], MAX_KEY_POSTINGS);
  const stored = new Map(records);
  await loadInto(
    store,
    stored,
    pairs.map((pair) => pair.b),
  );
  return matchingPairs(pairs, stored, new Set(), []).map((pair) => pair.b);
}
