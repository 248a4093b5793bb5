import { Client } from '@elastic/elasticsearch';
import { syncWorks, updateRecordWorks } from '@hop-luu/search-index';
import type { Membership } from '@hop-luu/work-matching';
import type { BulkFailure } from '@hop-luu/search-index';
import { recordWorkOf, sameMembership, WorkChanges } from './work-changes';
import type { WorkMatchingService } from './work-matching.service';

/** The indexes a change is applied to: the records' and the works' (aliases or concrete indices). */
export interface WorkIndices {
  readonly records: string;
  readonly works: string;
}

/**
 * Applies a matching or decision outcome to both indexes under the publishing lock: first the
 * batch's own documents (`indexBatch`, the harvester's bulk), then, with the memberships as
 * committed now, the `work` field of every record whose document does not carry its membership
 * (every moved record, and batch records another transaction moved since), then the documents
 * of every touched work. `written` are the memberships the batch's documents were indexed with
 * (empty for a decision: its records' documents are updated). The harvester and the gateway
 * both publish through here.
 */
export async function publishWorkChanges(
  matching: WorkMatchingService,
  client: Client,
  indices: WorkIndices,
  changes: WorkChanges,
  written: ReadonlyMap<string, Membership> = new Map(),
  indexBatch: () => Promise<void> = async () => undefined,
): Promise<void> {
  const recordIds = [
    ...new Set([...changes.memberships.keys(), ...changes.moved.map((m) => m.recordId)]),
  ];
  const workIds = changes.works.map((work) => work.workId);
  if (recordIds.length === 0 && workIds.length === 0) return indexBatch();
  await matching.publish(recordIds, workIds, indexBatch, async (now) => {
    const updates = recordIds.flatMap((recordId) => {
      const current = now.memberships.get(recordId);
      if (!current || sameMembership(current, written.get(recordId))) return [];
      return [{ recordId, work: recordWorkOf(current) }];
    });
    const updated = await updateRecordWorks(client, indices.records, updates);
    // A moved record another process has matched but not indexed yet has no document: that
    // process indexes it with its work. Anything else refused is a failure.
    refused(
      'record',
      updated.failures.filter((failure) => failure.status !== 404),
    );
    refused('work', (await syncWorks(client, indices, now.works)).failures);
  });
}

function refused(what: string, failures: readonly BulkFailure[]): void {
  if (failures.length === 0) return;
  const first = failures[0];
  throw new Error(
    `Elasticsearch refused ${failures.length} ${what} update(s), e.g. ${first.id} (${first.status}): ${first.reason}`,
  );
}
