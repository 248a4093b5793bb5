import { Client } from '@elastic/elasticsearch';
import {
  BulkAction,
  BulkFailure,
  BulkResult,
  CatalogueDocument,
  MovedRecord,
  recordWorkUpdate,
  syncWorks,
  writeBulk,
} from '@hop-luu/search-index';
import type { Membership } from '@hop-luu/work-matching';
import { recordWorkOf, WorkChanges } from './work-changes';
import type { WorkMatchingService } from './work-matching.service';

/** The indexes a change is applied to: the records' and the works' (aliases or concrete indices). */
export interface WorkIndices {
  readonly records: string;
  readonly works: string;
}

/** A harvest batch published with its changes (a decision has no batch). */
export interface PublishedBatch {
  /** The batch's actions on the records index: its documents, then its deletions. */
  readonly actions: readonly BulkAction[];
  /** The documents of the index actions, by record id. */
  readonly documents: ReadonlyMap<string, CatalogueDocument>;
  /** Told what Elasticsearch did with `actions` (refused documents are the caller's to count). */
  readonly indexed: (result: BulkResult) => void;
}

/**
 * Works with more members than this are not rewritten with every harvest batch that touches
 * them (a popular edition is touched by most batches of a big library's first harvest, and its
 * document holds every member): they are marked and written by `publishDeferredWorks`.
 */
export const DEFER_WORKS_ABOVE = 32;

const DEFERRED_ROUND = 200;

/**
 * Applies a matching or decision outcome to both indexes under the publishing lock, with the
 * memberships as committed now: the batch's documents carry their work as it is now, records
 * outside the batch whose membership moved get their `work` updated, and every touched work's
 * document is rewritten, built from the batch's documents and the other members as the
 * records index holds them. The records and the works are written at once. With a batch,
 * works larger than DEFER_WORKS_ABOVE are marked for `publishDeferredWorks` instead. The
 * harvester and the gateway both publish through here.
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
  const documents = batch?.documents ?? new Map<string, CatalogueDocument>();
  await matching.publish(recordIds, workIds, async (now) => {
    const moved: MovedRecord[] = [];
    const movedNow: Membership[] = [];
    for (const recordId of recordIds) {
      const current = now.memberships.get(recordId);
      if (!current) continue;
      const document = documents.get(recordId);
      if (document) document.work = recordWorkOf(current);
      else {
        moved.push({ recordId, work: recordWorkOf(current) });
        movedNow.push(current);
      }
    }
    // A large work's mark stays: publishDeferredWorks writes it, once for many batches.
    const later = batch ? now.works.filter((w) => w.memberIds.length > DEFER_WORKS_ABOVE) : [];
    const rest = now.works.filter((w) => !later.includes(w));
    const [records, works] = await Promise.all([
      writeRecords(client, indices.records, batch?.actions ?? [], moved),
      syncWorks(client, indices, rest, documents),
    ]);
    batch?.indexed(records.batch);
    // A moved record another process has matched but not indexed yet has no document: that
    // process indexes it with its work (writeBulk skips it). Anything else refused is a failure.
    refused('record', records.moved.failures);
    refused('work', works.failures);
    const written = new Set(rest.map((w) => w.workId));
    await matching.settle(
      movedNow,
      changes.marks.filter((mark) => written.has(mark.workId)),
    );
  });
}

/** The batch's actions and the moved records' updates in one request, each one's outcome apart. */
async function writeRecords(
  client: Client,
  index: string,
  actions: readonly BulkAction[],
  moved: readonly MovedRecord[],
): Promise<{ batch: BulkResult; moved: BulkResult }> {
  const updates = moved.map(recordWorkUpdate);
  const result = await writeBulk(client, index, [...actions, ...updates]);
  const movedIds = new Set(moved.map((m) => m.recordId));
  const failures = (ofMoved: boolean) =>
    result.failures.filter((failure) => movedIds.has(failure.id) === ofMoved);
  return {
    batch: { ...result, updated: 0, failures: failures(false) },
    moved: { ...result, indexed: 0, deleted: 0, failures: failures(true) },
  };
}

/**
 * Writes what the indexes owe, by any process (this run's large works, or a crashed run's
 * moved records and touched works), as committed now; returns how many works and records.
 * A work marked again meanwhile stays marked.
 */
export async function publishDeferredWorks(
  matching: WorkMatchingService,
  client: Client,
  indices: WorkIndices,
): Promise<number> {
  let published = 0;
  for (;;) {
    const marks = await matching.markedWorks(DEFERRED_ROUND);
    const moved = await matching.unpublishedRecords(DEFERRED_ROUND);
    if (marks.length === 0 && moved.length === 0) return published;
    const works = marks.map((mark) => ({ workId: mark.workId, memberIds: [] }));
    await publishWorkChanges(matching, client, indices, {
      memberships: new Map(),
      moved,
      works,
      marks,
    });
    published += marks.length + moved.length;
    if (marks.length < DEFERRED_ROUND && moved.length < DEFERRED_ROUND) return published;
  }
}

function refused(what: string, failures: readonly BulkFailure[]): void {
  if (failures.length === 0) return;
  const first = failures[0];
  throw new Error(
    `Elasticsearch refused ${failures.length} ${what} update(s), e.g. ${first.id} (${first.status}): ${first.reason}`,
  );
}
