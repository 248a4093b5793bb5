import { Client } from '@elastic/elasticsearch';
import { syncWorks, updateRecordWorks } from '@hop-luu/search-index';
import type { Membership } from '@hop-luu/work-matching';
import type { BulkFailure, CatalogueDocument } from '@hop-luu/search-index';
import { recordWorkOf, sameMembership, WorkChanges } from './work-changes';
import type { WorkMatchingService } from './work-matching.service';

/** The indexes a change is applied to: the records' and the works' (aliases or concrete indices). */
export interface WorkIndices {
  readonly records: string;
  readonly works: string;
}

/** How a harvest batch is published with its changes (a decision has no batch). */
export interface PublishedBatch {
  /** The memberships the batch's documents were indexed with. */
  readonly written: ReadonlyMap<string, Membership>;
  /** Indexes the batch's documents and gives back those Elasticsearch took. */
  readonly indexBatch: () => Promise<ReadonlyMap<string, CatalogueDocument>>;
}

/**
 * Works with more members than this are not rewritten with every harvest batch that touches
 * them (a popular edition is touched by most batches of a big library's first harvest, and its
 * document holds every member): they are marked and written by `publishDeferredWorks`.
 */
export const DEFER_WORKS_ABOVE = 32;

const DEFERRED_ROUND = 200;

/**
 * Applies a matching or decision outcome to both indexes under the publishing lock: first the
 * batch's own documents (`batch.indexBatch`, the harvester's bulk), then, with the memberships
 * as committed now, the `work` field of every record whose document does not carry its
 * membership (every moved record, and batch records another transaction moved since), then the
 * documents of every touched work, built from the batch's documents as indexed (not read
 * back) and the other members as the records index holds them. With a batch, works larger
 * than DEFER_WORKS_ABOVE are marked for `publishDeferredWorks` instead. The harvester and the
 * gateway both publish through here.
 */
export async function publishWorkChanges(
  matching: WorkMatchingService,
  client: Client,
  indices: WorkIndices,
  changes: WorkChanges,
  batch?: PublishedBatch,
): Promise<void> {
  const recordIds = [
    ...new Set([...changes.memberships.keys(), ...changes.moved.map((m) => m.recordId)]),
  ];
  const workIds = changes.works.map((work) => work.workId);
  if (recordIds.length === 0 && workIds.length === 0) {
    await batch?.indexBatch();
    return;
  }
  let indexed: ReadonlyMap<string, CatalogueDocument> = new Map();
  const first = async () => {
    if (batch) indexed = await batch.indexBatch();
  };
  await matching.publish(recordIds, workIds, first, async (now) => {
    const updates = recordIds.flatMap((recordId) => {
      const current = now.memberships.get(recordId);
      if (!current || sameMembership(current, batch?.written.get(recordId))) return [];
      return [{ recordId, work: recordWorkOf(current) }];
    });
    const updated = await updateRecordWorks(client, indices.records, updates);
    // A moved record another process has matched but not indexed yet has no document: that
    // process indexes it with its work. Anything else refused is a failure.
    refused(
      'record',
      updated.failures.filter((failure) => failure.status !== 404),
    );
    const later = batch ? now.works.filter((w) => w.memberIds.length > DEFER_WORKS_ABOVE) : [];
    await matching.deferPublishing(later.map((w) => w.workId));
    const rest = now.works.filter((w) => !later.includes(w));
    refused('work', (await syncWorks(client, indices, rest, indexed)).failures);
  });
}

/**
 * Writes the documents of every work marked by `publishWorkChanges` (by any process, this
 * run's or one that crashed), as committed now; returns how many. A work marked again
 * meanwhile stays marked.
 */
export async function publishDeferredWorks(
  matching: WorkMatchingService,
  client: Client,
  indices: WorkIndices,
): Promise<number> {
  let published = 0;
  for (;;) {
    const works = await matching.deferredWorks(DEFERRED_ROUND);
    if (works.length === 0) return published;
    const changes = {
      memberships: new Map(),
      moved: [],
      works: works.map((w) => ({ workId: w.workId, memberIds: [] })),
    };
    await publishWorkChanges(matching, client, indices, changes);
    await matching.forgetDeferred(works);
    published += works.length;
    if (works.length < DEFERRED_ROUND) return published;
  }
}

function refused(what: string, failures: readonly BulkFailure[]): void {
  if (failures.length === 0) return;
  const first = failures[0];
  throw new Error(
    `Elasticsearch refused ${failures.length} ${what} update(s), e.g. ${first.id} (${first.status}): ${first.reason}`,
  );
}
