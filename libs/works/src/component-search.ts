import { MatchProfile, MAX_KEY_POSTINGS, memoisedJudge, twinOf } from '@hop-luu/work-matching';
import { Candidate, candidatePairsOf, groupBy } from './candidate-pairs';
import { UnionFind } from './union-find';
import {
  CandidatePair,
  KeyPosting,
  StoredRecord,
  UntrustedSighting,
  WorkStore,
} from './work-store';

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

/** What relinking needs to know beyond the store: the batch being matched, not stored yet. */
export interface RelinkContext {
  /** Every posting of the batch's records (already stored in `work_keys`). */
  readonly batchPostings: ReadonlyMap<string, readonly KeyPosting[]>;
  /** The batch's records as they will be stored (their rows are written after matching). */
  readonly local: ReadonlyMap<string, StoredRecord>;
  /** Postings per key after this transaction's changes, for the keys the batch touched. */
  readonly counts: ReadonlyMap<string, number>;
  /** Subjects whose stored links may exist (known before this transaction). */
  readonly mayHaveLinks: ReadonlySet<string>;
}

/**
 * Judges `recordIds` (new or changed) against their candidates and stores the pairs that
 * match as links owned by them, replacing the links they made before; returns the identifiers
 * seen on candidates whose titles clearly disagree. Only these records are judged: everyone
 * else's links stand. Candidates are paired here from the postings of the subjects' usable
 * keys (one query). Twins among a subject's candidates are judged once, through the first of
 * them, and linked through it alone when twins match each other (they are linked among
 * themselves already), so a popular edition's hundreds of copies cost one judgement and one
 * link per record, not hundreds.
 */
export async function relink(
  store: WorkStore,
  recordIds: readonly string[],
  context: RelinkContext,
): Promise<UntrustedSighting[]> {
  if (recordIds.length === 0) return [];
  await store.unlinkOwned(recordIds.filter((id) => context.mayHaveLinks.has(id)));
  const groups = twinGroups(await candidatesOf(store, recordIds, context));
  const stored = await loadAround(
    store,
    [...new Set([...recordIds, ...groups.map((g) => g.twins[0])])],
    context.local,
  );
  const judge = memoisedJudge();
  const twinsMatch = new Map<string, boolean>();
  const matches: CandidatePair[] = [];
  const sightings: UntrustedSighting[] = [];
  for (const { a: aId, signature, twins } of groups) {
    const a = stored.get(aId)?.profile;
    const b = stored.get(twins[0])?.profile;
    if (!a || !b) continue;
    const verdict = judge(a, b);
    if (verdict.kind === 'match') {
      if (!twinsMatch.has(signature)) twinsMatch.set(signature, selfMatching(judge, b));
      const linked = twinsMatch.get(signature) ? twins.slice(0, 1) : twins;
      for (const twin of linked) matches.push({ a: aId, b: twin });
    } else if (verdict.kind === 'contradict' && verdict.untrustedIdentifier)
      sightings.push({
        identifier: verdict.untrustedIdentifier,
        titles: [a.shownTitle, b.shownTitle],
        recordIds: [a.recordId, b.recordId],
      });
  }
  await store.link(matches);
  return sightings;
}

/** A subject's candidates sharing one signature: twins, first by id. */
interface TwinGroup {
  readonly a: string;
  readonly signature: string;
  readonly twins: string[];
}

function twinGroups(candidates: readonly Candidate[]): TwinGroup[] {
  const groups = new Map<string, TwinGroup>();
  for (const { a, b, signature } of candidates) {
    const key = `${a}\u0000${signature}`;
    const group = groups.get(key);
    if (group) group.twins.push(b);
    else groups.set(key, { a, signature, twins: [b] });
  }
  for (const group of groups.values()) group.twins.sort();
  return [...groups.values()];
}

/** Whether two twins of `profile` match each other (they do unless it holds too little to judge). */
function selfMatching(judge: ReturnType<typeof memoisedJudge>, profile: MatchProfile): boolean {
  const twin = twinOf(profile, `${profile.recordId}\u0000twin`, profile.sourceId);
  return judge(profile, twin).kind === 'match';
}

/** The subjects' candidate pairs: their postings (the batch's from memory), then their keys' others. */
async function candidatesOf(
  store: WorkStore,
  recordIds: readonly string[],
  context: RelinkContext,
): Promise<Candidate[]> {
  const elsewhere = recordIds.filter((id) => !context.batchPostings.has(id));
  const stored = await store.postingsOfRecords(elsewhere);
  const subjects = groupBy<KeyPosting>(stored, (p) => p.recordId);
  for (const id of recordIds) {
    const batch = context.batchPostings.get(id);
    if (batch) subjects.set(id, [...batch]);
  }
  const own = [...subjects.values()].flat();
  const keys = [...new Set(own.map((p) => p.key))];
  const unknown = keys.filter((key) => !context.counts.has(key));
  const counts = new Map([...context.counts, ...(await store.keyCounts(unknown))]);
  const usable = (key: string) => (counts.get(key) ?? 0) <= MAX_KEY_POSTINGS;
  const whole = own.filter((p) => p.identifier || p.weak).map((p) => p.key);
  const others = await store.postingsOfKeys(
    keys.filter(usable),
    [...subjects.keys()],
    [...new Set(whole)],
  );
  return candidatePairsOf(
    subjects,
    groupBy([...own, ...others], (p) => p.key),
    usable,
  );
}

/** Stored records of `recordIds`, those of `local` taken as they are. */
async function loadAround(
  store: WorkStore,
  recordIds: readonly string[],
  local: ReadonlyMap<string, StoredRecord>,
): Promise<Map<string, StoredRecord>> {
  const stored = await store.load(recordIds.filter((id) => !local.has(id)));
  for (const id of recordIds) {
    const record = local.get(id);
    if (record) stored.set(id, record);
  }
  return stored;
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
  local: ReadonlyMap<string, StoredRecord> = new Map(),
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
  const stored = await loadAround(store, groups.flat(), local);
  const components = groups.map((ids) => ids.filter((id) => stored.has(id)));
  return { components: components.filter((ids) => ids.length > 0), stored };
}
