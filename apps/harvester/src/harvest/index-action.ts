import type { NormalizedRecord, XmlLimits } from '@hop-luu/records';
import { DEFAULT_XML_LIMITS } from '@hop-luu/records';
import {
  BulkAction,
  CatalogueDocument,
  catalogueEntryFor,
  LibraryInfo,
  UnmatchedDocument,
  withWork,
} from '@hop-luu/search-index';
import { profileOf } from '@hop-luu/work-matching';
import { recordWorkOf, WorkChanges, WorkMatchingService } from '@hop-luu/works';
import { RawRecordRow } from '../raw-records/raw-records.service';

// Where the harvest's XML limits are made, beside the OAI client built with them.
export { xmlLimitsOf } from '@hop-luu/sources';

/** A record ready to index but for its work: its document and the normalised record it came from. */
export interface CatalogueEntry {
  readonly document: UnmatchedDocument;
  readonly record: NormalizedRecord;
}

export type EntryResult =
  ({ ok: true } & CatalogueEntry) | { ok: false; code: string; message: string };

/** One raw record (not deleted) normalised into its catalogue document; the row is the normalise input itself. */
export function entryFor(
  raw: RawRecordRow,
  library: LibraryInfo,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): EntryResult {
  return catalogueEntryFor(raw, library, limits);
}

/** What matching a batch gives the index: its bulk actions, their documents, and the changes. */
export interface MatchedBatch {
  readonly actions: BulkAction[];
  readonly documents: ReadonlyMap<string, CatalogueDocument>;
  readonly changes: WorkChanges;
}

/**
 * Matches a batch's records to their works in one call (deleted records are removals) and
 * gives each document the `work` it belongs to: bulk index actions, then the deletions.
 */
export async function matchBatch(
  works: WorkMatchingService,
  entries: ReadonlyMap<string, CatalogueEntry>,
  removed: readonly string[],
): Promise<MatchedBatch> {
  const profiles = [...entries.values()].map((entry) => profileOf(entry.record));
  const changes = await works.match(profiles, removed);
  const actions: BulkAction[] = [];
  const documents = new Map<string, CatalogueDocument>();
  for (const [id, entry] of entries) {
    // Every record of the batch is in a component of its own keys, so it has a membership.
    const membership = changes.memberships.get(id);
    if (!membership) throw new Error(`works matching gave record ${id} no work`);
    const document = withWork(entry.document, recordWorkOf(membership));
    documents.set(id, document);
    actions.push({ kind: 'index', id, document });
  }
  for (const id of removed) actions.push({ kind: 'delete', id });
  return { actions, documents, changes };
}
