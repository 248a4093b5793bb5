import { Client } from '@elastic/elasticsearch';
import type { SearchHit } from '@elastic/elasticsearch/lib/api/types';
import { BulkAction, BulkResult, writeBulk } from '../catalogue/bulk-writer';
import { CATALOGUE_FIELDS } from '../catalogue/catalogue-fields';
import type { CatalogueDocument, WorkFacts } from '../catalogue/catalogue-document';
import { toWorkDocument } from './work-document';

/** The two indexes (aliases, or concrete versions during a rebuild) a works write touches. */
export interface WorkIndexes {
  readonly records: string;
  readonly works: string;
}

/** A work and every record in it now; no members means the work is gone. */
export interface WorkMembers {
  readonly workId: string;
  readonly memberIds: readonly string[];
}

/** A record whose work changed without the record itself being harvested again. */
export interface MovedRecord {
  readonly recordId: string;
  readonly work: WorkFacts;
}

/** Member records fetched per request. */
const MEMBERS_PER_ROUND = 1000;
/** Records read per page when a rebuild goes through the whole records index. */
const REBUILD_PAGE = 1000;

const EMPTY: BulkResult = { indexed: 0, updated: 0, deleted: 0, failures: [], retries: 0 };

function added(a: BulkResult, b: BulkResult): BulkResult {
  return {
    indexed: a.indexed + b.indexed,
    updated: a.updated + b.updated,
    deleted: a.deleted + b.deleted,
    failures: [...a.failures, ...b.failures],
    retries: a.retries + b.retries,
  };
}

/** The index action for one work: its document from the members found, or its deletion. */
function workAction(workId: string, members: readonly CatalogueDocument[]): BulkAction {
  if (members.length === 0) return { kind: 'delete', id: workId };
  return { kind: 'index', id: workId, document: toWorkDocument(workId, members) };
}

/** Rounds of whole works holding at most about MEMBERS_PER_ROUND member ids each. */
function rounds(works: readonly WorkMembers[]): WorkMembers[][] {
  const all: WorkMembers[][] = [];
  let round: WorkMembers[] = [];
  let size = 0;
  for (const work of works) {
    if (round.length > 0 && size + work.memberIds.length > MEMBERS_PER_ROUND) {
      all.push(round);
      round = [];
      size = 0;
    }
    round.push(work);
    size += work.memberIds.length;
  }
  if (round.length > 0) all.push(round);
  return all;
}

/**
 * Builds the documents of `works` from their members as the records index holds them now
 * (mget is realtime: a record written a moment ago is read, refreshed or not), indexes them,
 * and deletes the works with no member left. The caller knows the members (the works store).
 * `known` are documents the caller has just indexed itself (a harvest batch's): they are
 * used as they are instead of being read back.
 */
export async function syncWorks(
  client: Client,
  indexes: WorkIndexes,
  works: readonly WorkMembers[],
  known: ReadonlyMap<string, CatalogueDocument> = new Map(),
): Promise<BulkResult> {
  let result = EMPTY;
  for (const round of rounds(works)) {
    const found = new Map<string, CatalogueDocument>();
    const ids: string[] = [];
    for (const id of new Set(round.flatMap((work) => work.memberIds))) {
      const doc = known.get(id);
      if (doc) found.set(id, doc);
      else ids.push(id);
    }
    if (ids.length > 0) {
      const response = await client.mget<CatalogueDocument>({ index: indexes.records, ids });
      for (const doc of response.docs)
        if ('found' in doc && doc.found && doc._source) found.set(doc._id, doc._source);
    }
    const actions = round.map((work) =>
      workAction(
        work.workId,
        work.memberIds.flatMap((id) => found.get(id) ?? []),
      ),
    );
    result = added(result, await writeBulk(client, indexes.works, actions));
  }
  return result;
}

/**
 * Sets the `work` of records whose membership moved (a partial update each). Absent facts
 * are sent as null, so a record that no longer joined through a member loses `joinedWith`.
 */
export function updateRecordWorks(
  client: Client,
  recordsIndex: string,
  moved: readonly MovedRecord[],
): Promise<BulkResult> {
  const actions = moved.map(recordWorkUpdate);
  return actions.length > 0 ? writeBulk(client, recordsIndex, actions) : Promise.resolve(EMPTY);
}

/** The partial update setting one moved record's `work`. */
export function recordWorkUpdate({ recordId, work }: MovedRecord): BulkAction {
  return {
    kind: 'update',
    id: recordId,
    document: {
      work: { ...work, joinedWith: work.joinedWith ?? null, decisionId: work.decisionId ?? null },
    },
  };
}

type RecordHit = SearchHit<CatalogueDocument>;

/** Pages through `query`'s records in work id order, handing over each work's members whole. */
async function forEachWork(
  client: Client,
  recordsIndex: string,
  query: object,
  onWork: (workId: string, members: CatalogueDocument[]) => Promise<void>,
): Promise<void> {
  let after: (string | number)[] | undefined;
  let current: { workId: string; members: CatalogueDocument[] } | undefined;
  for (;;) {
    const page = await client.search<CatalogueDocument>({
      index: recordsIndex,
      query,
      sort: [{ [CATALOGUE_FIELDS.workId]: 'asc' }, { [CATALOGUE_FIELDS.id]: 'asc' }],
      search_after: after,
      size: REBUILD_PAGE,
      track_total_hits: false,
    });
    const hits: RecordHit[] = page.hits.hits;
    if (hits.length === 0) break;
    for (const hit of hits) {
      const doc = hit._source!;
      if (current && current.workId !== doc.work.id) await onWork(current.workId, current.members);
      if (!current || current.workId !== doc.work.id)
        current = { workId: doc.work.id, members: [] };
      current.members.push(doc);
    }
    after = hits[hits.length - 1].sort as (string | number)[];
  }
  if (current) await onWork(current.workId, current.members);
}

/** Collects work actions and writes them a bulk request at a time. */
class WorkWriter {
  private actions: BulkAction[] = [];
  result = EMPTY;

  constructor(
    private readonly client: Client,
    private readonly worksIndex: string,
    private readonly perRequest = 500,
  ) {}

  async add(action: BulkAction): Promise<void> {
    this.actions.push(action);
    if (this.actions.length >= this.perRequest) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.actions.length === 0) return;
    const actions = this.actions;
    this.actions = [];
    this.result = added(this.result, await writeBulk(this.client, this.worksIndex, actions));
  }
}

/**
 * Brings the works of `workIds` up to date from the members the records index holds for them
 * (refreshed first, since search is not realtime). For callers that know the works a change
 * touched but not their members, e.g. the works of a deleted source's records.
 */
export async function syncWorksById(
  client: Client,
  indexes: WorkIndexes,
  workIds: readonly string[],
): Promise<BulkResult> {
  const ids = [...new Set(workIds)];
  if (ids.length === 0) return EMPTY;
  await client.indices.refresh({ index: indexes.records });
  const writer = new WorkWriter(client, indexes.works);
  for (let i = 0; i < ids.length; i += MEMBERS_PER_ROUND) {
    const chunk = ids.slice(i, i + MEMBERS_PER_ROUND);
    const seen = new Set<string>();
    const query = { terms: { [CATALOGUE_FIELDS.workId]: chunk } };
    await forEachWork(client, indexes.records, query, (workId, members) => {
      seen.add(workId);
      return writer.add(workAction(workId, members));
    });
    for (const gone of chunk.filter((id) => !seen.has(id))) await writer.add(workAction(gone, []));
  }
  await writer.flush();
  return writer.result;
}

/**
 * Builds every work document into `indexes.works` (an empty new version) from the records
 * of `indexes.records`, read in work id order a page at a time (bounded memory), for a
 * reindex or a re-cluster once the records carry their works. Refreshes the works index.
 */
export async function rebuildWorks(
  client: Client,
  indexes: WorkIndexes,
): Promise<{ works: number; failures: BulkResult['failures'] }> {
  await client.indices.refresh({ index: indexes.records });
  const writer = new WorkWriter(client, indexes.works);
  await forEachWork(client, indexes.records, { match_all: {} }, (workId, members) =>
    writer.add(workAction(workId, members)),
  );
  await writer.flush();
  await client.indices.refresh({ index: indexes.works });
  return { works: writer.result.indexed, failures: writer.result.failures };
}
