import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  candidateKeys,
  clusterComponent,
  MatchProfile,
  MAX_KEY_POSTINGS,
  Membership,
  signatureOf,
} from '@hop-luu/work-matching';
import { groupBy } from './candidate-pairs';
import { componentsAround, relink } from './component-search';
import { sameMembership, TouchedWork, WorkChanges, WorkState } from './work-changes';
import { KeyPosting, StoredRecord, UntrustedSighting, WorkMark, WorkStore } from './work-store';

/** Records of a deleted source forgotten per transaction. */
const REMOVE_ROUND = 500;

/** Records re-clustered per round of a full re-cluster (each round: their components). */
const RECLUSTER_ROUND = 500;

/**
 * Incremental matching: a batch of records is matched against its candidates only (the
 * components its keys reach), in one transaction holding the works lock, so two harvesters
 * receiving records of one work at once still end with one work.
 */
@Injectable()
export class WorkMatchingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the batch's profiles, forgets the removed records, and recomputes what they touch. */
  match(
    profiles: readonly MatchProfile[],
    removedRecordIds: readonly string[],
  ): Promise<WorkChanges> {
    return this.inLockedTransaction((store) => matchIn(store, profiles, removedRecordIds));
  }

  /** Recomputes the components of `recordIds` (after a decision) in its own locked transaction. */
  recompute(recordIds: readonly string[]): Promise<WorkChanges> {
    return this.inLockedTransaction((store) => recomputeAround(store, recordIds));
  }

  /** Runs `work` in one transaction holding the works lock; decisions use it to store and apply together. */
  async inLockedTransaction<T>(
    work: (store: WorkStore, db: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (db) => {
      const store = new WorkStore(db);
      await store.lock();
      return work(store, db);
    });
  }

  /**
   * Serialises index writes of works across processes (the publishing lock, not the matching
   * one, so a batch is published while the next is matched): hands `write` the memberships of
   * `recordIds` and the members of `workIds` (and of those records' works) as committed now.
   * Every change is published after it was committed, by whoever made it, so the last write of
   * a document reflects the last change.
   */
  publish(
    recordIds: readonly string[],
    workIds: readonly string[],
    write: (now: WorkState) => Promise<void>,
  ): Promise<void> {
    return this.dataSource.transaction(async (db) => {
      const store = new WorkStore(db);
      await store.lockPublishing();
      const memberships = await store.membershipsOf(recordIds);
      const ids = new Set([...workIds, ...[...memberships.values()].map((m) => m.workId)]);
      const members = await store.membersOfWorks([...ids]);
      await write({
        memberships,
        works: [...ids].sort().map((workId) => ({ workId, memberIds: members.get(workId) ?? [] })),
      });
    });
  }

  /**
   * Forgets every record of a deleted source, a batch of removals at a time (each its own
   * transaction, so harvests keep matching in between); `publish` applies each batch's changes.
   */
  async removeSource(
    sourceId: string,
    publish: (changes: WorkChanges) => Promise<void>,
  ): Promise<number> {
    let removed = 0;
    for (;;) {
      const changes = await this.inLockedTransaction(async (store) => {
        const ids = await store.recordsOfSource(sourceId, REMOVE_ROUND);
        removed += ids.length;
        return ids.length > 0 ? matchIn(store, [], ids) : undefined;
      });
      if (!changes) return removed;
      await publish(changes);
    }
  }

  /** Works whose documents are owed (see publishWorkChanges), oldest marks first. */
  markedWorks(limit: number): Promise<WorkMark[]> {
    return new WorkStore(this.dataSource.manager).markedWorks(limit);
  }

  /** Records moved to another work whose documents do not say so yet. */
  async unpublishedRecords(limit: number): Promise<Membership[]> {
    const store = new WorkStore(this.dataSource.manager);
    return [...(await store.storedMemberships(await store.unpublishedRecords(limit))).values()];
  }

  /** What the indexes owed and now hold: the records' documents and the marked works'. */
  async settle(records: readonly Membership[], marks: readonly WorkMark[]): Promise<void> {
    const store = new WorkStore(this.dataSource.manager);
    await store.published(records);
    await store.forgetMarks(marks);
  }

  /** Reads outside the works lock (a consistent snapshot is not needed for listing). */
  readOnly<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }

  /**
   * Full re-cluster: every record's profile replaced by `batches` (all of them), then every
   * component computed with the same function as the incremental path, in id order. One
   * transaction: harvests wait for it, and a failure leaves the works as they were.
   */
  async reclusterAll(
    batches: AsyncIterable<readonly MatchProfile[]>,
  ): Promise<{ records: number; works: number }> {
    return this.inLockedTransaction(async (store) => {
      await store.clearRecords();
      let records = 0;
      for await (const profiles of batches) {
        await store.upsertProfiles(profiles);
        await store.replaceKeys(
          profiles.map((p) => p.recordId),
          keyPostings(profiles),
        );
        records += profiles.length;
      }
      // Every record judged against its candidates once, in id order (links both ways).
      for (let ids = await store.idsAfter('', RECLUSTER_ROUND); ids.length > 0;) {
        const context = { batchPostings: new Map(), local: new Map(), counts: new Map() };
        const sightings = await relink(store, ids, { ...context, mayHaveLinks: new Set(ids) });
        await store.recordUntrusted(mergeSightings(sightings));
        ids = await store.idsAfter(ids[ids.length - 1], RECLUSTER_ROUND);
      }
      const works = new Set<string>();
      for (
        let seeds = await store.unclustered(RECLUSTER_ROUND);
        seeds.length > 0;
        seeds = await store.unclustered(RECLUSTER_ROUND)
      ) {
        const changes = await recomputeIn(store, seeds, [], [], { mark: false });
        changes.works.forEach((work) => works.add(work.workId));
      }
      return { records, works: works.size };
    });
  }
}

/** The whole incremental step, inside the locked transaction. */
export async function matchIn(
  store: WorkStore,
  profiles: readonly MatchProfile[],
  removedRecordIds: readonly string[],
): Promise<WorkChanges> {
  const unique = [...new Map(profiles.map((p) => [p.recordId, p])).values()];
  const present = new Set(unique.map((p) => p.recordId));
  const removed = [...new Set(removedRecordIds)].filter((id) => !present.has(id));
  const before = await store.storedMemberships([...present, ...removed]);
  const known = [...before.keys()];
  // What the old versions posted and matched: their keys' counts drop, their works may come apart.
  const oldPostings = await store.postingsOfRecords(known);
  const neighbours = (await store.linksOf(known)).map((pair) => pair.b);
  const oldWorks = [...new Set([...before.values()].map((m) => m.workId))].filter(Boolean);
  const oldMates = [...(await store.membersOfWorks(oldWorks)).values()].flat();
  const postings = keyPostings(unique);
  const counts = await postingCounts(store, oldPostings, postings);
  // Links others made to the old versions judged those: their makers are judged again.
  const linkedToOld = await store.unlinkIncoming(known);
  await store.remove(removed.filter((id) => before.has(id)));
  await store.replaceKeys(
    known.filter((id) => present.has(id)),
    postings,
  );
  // A key that started or stopped finding candidates changes who its records are candidates of.
  const crossed = [...counts.after.keys()].filter(
    (key) => usable(counts.before, key) !== usable(counts.after, key),
  );
  const gone = new Set(removed);
  const recandidated = [...new Set([...(await store.postingsOf(crossed)), ...linkedToOld])].filter(
    (id) => !present.has(id) && !gone.has(id),
  );
  const local = new Map(
    unique.map((profile): [string, StoredRecord] => [
      profile.recordId,
      { profile, membership: before.get(profile.recordId) ?? unclustered(profile.recordId) },
    ]),
  );
  const sightings = await relink(store, [...present, ...recandidated], {
    batchPostings: groupBy(postings, (p) => p.recordId),
    local,
    counts: counts.after,
    mayHaveLinks: new Set([...known, ...recandidated]),
  });
  await store.recordUntrusted(mergeSightings(sightings));
  const seeds = [...present, ...neighbours, ...oldMates, ...recandidated];
  const goneWorks = removed.flatMap((id) => (before.has(id) ? [before.get(id)!.workId] : []));
  return recomputeIn(
    store,
    seeds.filter((id) => !gone.has(id)),
    [...present],
    goneWorks.filter(Boolean),
    { mark: true, unsaved: { profiles: unique, local } },
  );
}

const usable = (counts: ReadonlyMap<string, number>, key: string) =>
  (counts.get(key) ?? 0) <= MAX_KEY_POSTINGS;

/** Postings per touched key before this step and after it (old postings replaced by new). */
async function postingCounts(
  store: WorkStore,
  oldPostings: readonly KeyPosting[],
  postings: readonly KeyPosting[],
): Promise<{ before: Map<string, number>; after: Map<string, number> }> {
  const keys = [...new Set([...oldPostings, ...postings].map((p) => p.key))];
  const before = await store.keyCounts(keys);
  const after = new Map(keys.map((key) => [key, before.get(key) ?? 0]));
  for (const p of oldPostings) after.set(p.key, after.get(p.key)! - 1);
  for (const p of postings) after.set(p.key, after.get(p.key)! + 1);
  return { before, after };
}

/** A record stored but not clustered yet. */
function unclustered(recordId: string): Membership {
  return { recordId, workId: '', rule: 'first-record', facts: [] };
}

/** Recomputes the components of `recordIds` and of their works' members (after a decision). */
export async function recomputeAround(
  store: WorkStore,
  recordIds: readonly string[],
): Promise<WorkChanges> {
  const works = await store.workIdsOf(recordIds);
  const mates = [...(await store.membersOfWorks([...new Set(works.values())])).values()].flat();
  return recomputeIn(store, [...recordIds, ...mates], recordIds, [], { mark: true });
}

/**
 * Recomputes every component around `seeds` with clusterComponent and the active decisions,
 * writes the memberships that changed, and reports them. `batchIds` are the records whose
 * memberships are reported whether changed or not; `alsoTouched` works that lost a member;
 * `unsaved` a matched batch whose rows are written here, profile and membership at once;
 * `mark`: the indexes owe the moved records and the touched works their documents until
 * publishWorkChanges writes them (not for a re-cluster, which rebuilds both indexes).
 */
export async function recomputeIn(
  store: WorkStore,
  seeds: readonly string[],
  batchIds: readonly string[],
  alsoTouched: readonly string[],
  { mark, unsaved }: { mark: boolean; unsaved?: UnsavedBatch },
): Promise<WorkChanges> {
  const { components, stored } = await componentsAround(store, seeds, unsaved?.local);
  const allIds = components.flat();
  const decisions = await store.activeDecisionsFor(allIds);
  const computed: Membership[] = [];
  for (const ids of components) {
    const idSet = new Set(ids);
    const relevant = decisions.filter((d) => d.recordIds.some((id) => idSet.has(id)));
    computed.push(
      ...clusterComponent(
        ids.map((id) => stored.get(id)!.profile),
        relevant,
      ),
    );
  }
  const byRecord = new Map(computed.map((m) => [m.recordId, m]));
  const changed = computed.filter((m) => !sameMembership(m, stored.get(m.recordId)?.membership));
  if (unsaved) await store.saveRecords(unsaved.profiles, byRecord);
  await store.writeMemberships(
    unsaved ? changed.filter((m) => !unsaved.local.has(m.recordId)) : changed,
    mark,
  );
  // A batch record's work shows its new content even when its membership stayed.
  const touched = new Set<string>(alsoTouched);
  for (const id of batchIds) {
    const workId = byRecord.get(id)?.workId;
    if (workId) touched.add(workId);
  }
  for (const m of changed) {
    touched.add(m.workId);
    const old = stored.get(m.recordId)?.membership.workId;
    if (old) touched.add(old);
  }
  const members = await store.membersOfWorks([...touched]);
  const batch = new Set(batchIds);
  return {
    memberships: new Map(
      batchIds.flatMap((id) => (byRecord.has(id) ? [[id, byRecord.get(id)!] as const] : [])),
    ),
    moved: changed.filter((m) => !batch.has(m.recordId)),
    works: [...touched]
      .sort()
      .map((workId): TouchedWork => ({ workId, memberIds: members.get(workId) ?? [] })),
    marks: mark ? await store.markWorks([...touched]) : [],
  };
}

/** A batch matched before its rows are stored: its profiles and how they stand now. */
interface UnsavedBatch {
  readonly profiles: readonly MatchProfile[];
  readonly local: ReadonlyMap<string, StoredRecord>;
}

/** Each profile's postings, marked identifier / weak (see README, candidates). */
export function keyPostings(profiles: readonly MatchProfile[]): KeyPosting[] {
  return profiles.flatMap((p) => {
    const ids = new Set(p.ids);
    const keys = [...new Set(candidateKeys(p))];
    const weak = keys.filter((key) => !ids.has(key)).length <= 1;
    const signature = signatureOf(p);
    return keys.map((key) => ({
      key,
      recordId: p.recordId,
      identifier: ids.has(key),
      weak,
      signature,
    }));
  });
}

/** One sighting per identifier (one upsert may not touch a row twice). */
function mergeSightings(sightings: readonly UntrustedSighting[]): UntrustedSighting[] {
  const merged = new Map<string, { titles: Set<string>; recordIds: Set<string> }>();
  for (const s of sightings) {
    const entry = merged.get(s.identifier) ?? { titles: new Set(), recordIds: new Set() };
    s.titles.forEach((t) => entry.titles.add(t));
    s.recordIds.forEach((r) => entry.recordIds.add(r));
    merged.set(s.identifier, entry);
  }
  return [...merged].map(([identifier, e]) => ({
    identifier,
    titles: [...e.titles],
    recordIds: [...e.recordIds],
  }));
}
