import { createHash } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { RunError } from '@hop-luu/harvest-runs';
import { OaiRecord } from '@hop-luu/oai-pmh';
import { catalogueRecordId, XmlLimits } from '@hop-luu/records';
import { BulkResult, LibraryInfo } from '@hop-luu/search-index';
import {
  publishDeferredWorks,
  publishWorkChanges,
  WorkIndices,
  WorkMatchingService,
} from '@hop-luu/works';
import { RawRecordRow, RawRecordsService } from '../raw-records/raw-records.service';
import { CatalogueEntry, entryFor, MatchedBatch, matchBatch } from './index-action';
import { WriteQueue } from './write-queue';

/** Where a batch goes: the source it came from and the index aliases it is written to. */
export interface BatchTarget {
  readonly sourceId: string;
  readonly metadataPrefix: string;
  readonly library: LibraryInfo;
  /** The records' and the works' aliases. */
  readonly indices: WorkIndices;
  /** Limits for reading each record's XML (the harvest's own, see xmlLimitsOf). */
  readonly xmlLimits: XmlLimits;
}

/** What one page did to the catalogue; filled in as its batches are prepared and written. */
export interface PageCounts {
  indexed: number;
  unchanged: number;
  deleted: number;
  failed: number;
  errors: RunError[];
}

export const emptyCounts = (): PageCounts => ({
  indexed: 0,
  unchanged: 0,
  deleted: 0,
  failed: 0,
  errors: [],
});

const MAX_BATCH_RECORDS = 500;
/** How often a run writes the large works whose documents wait (each at most this stale). */
const DEFERRED_PUBLISH_MS = 2000;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Turns a page's records into batches bounded by count and bytes. Preparing a batch
 * (skipping records whose hash is unchanged, normalising the rest, matching them to their
 * works in one call) happens here, while the previous batches are still being written;
 * writing (bulk into the records alias, the moved records' `work` and the touched works'
 * documents, then the raw XML into PostgreSQL) goes through the run's WriteQueue, in order; a
 * batch's upsert overlaps the next batch's bulk request, and the page checkpoint waits for
 * both. A record Elasticsearch refused is not stored, so the next harvest tries it again.
 */
export class RecordBatcher {
  private pending: OaiRecord[] = [];
  private pendingBytes = 0;
  private counts = emptyCounts();
  /** Raw-record upserts, in order; each runs while the next batch is being indexed. */
  private stored: Promise<void> = Promise.resolve();
  private deferredPublishedAt = Date.now();

  constructor(
    private readonly target: BatchTarget,
    private readonly elasticsearch: Client,
    private readonly rawRecords: RawRecordsService,
    private readonly works: WorkMatchingService,
    private readonly writes: WriteQueue,
    /** How many more error samples the run may keep; failures beyond it are only counted. */
    private errorRoom: number,
  ) {}

  /** Starts a page; its counts object is completed by the time its checkpoint job runs. */
  startPage(): PageCounts {
    this.counts = emptyCounts();
    return this.counts;
  }

  async add(record: OaiRecord): Promise<void> {
    this.pending.push(record);
    this.pendingBytes += (record.metadataXml?.length ?? 0) * 2;
    if (this.pending.length >= MAX_BATCH_RECORDS || this.pendingBytes >= MAX_BATCH_BYTES)
      await this.flush();
  }

  /**
   * A record the OAI client could not read at all (broken XML, or refused by a limit):
   * counted with its identifier, under the limit's code (RECORD_TOO_LARGE…) or UNREADABLE_RECORD.
   */
  addUnreadable(identifier: string | undefined, reason: string, code?: string): void {
    this.fail(this.counts, identifier, code ?? 'UNREADABLE_RECORD', reason);
  }

  /** Queues the records gathered so far; called at the end of each page too. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (batch.length === 0) return;
    const counts = this.counts;
    const { matched, rows } = await this.prepare(batch, counts);
    await this.writes.push(() => this.write(matched, rows, counts));
  }

  private async prepare(batch: OaiRecord[], counts: PageCounts) {
    const rows = new Map<string, RawRecordRow>();
    for (const record of batch) rows.set(this.idOf(record), this.rowOf(record));
    const stored = await this.rawRecords.indexedHashes([...rows.keys()]);
    const entries = new Map<string, CatalogueEntry>();
    const removed: string[] = [];
    for (const [id, row] of rows) {
      if (stored.get(id) === row.hash) {
        counts.unchanged++;
        rows.delete(id);
        continue;
      }
      if (row.deleted) {
        removed.push(id);
        continue;
      }
      const result = entryFor(row, this.target.library, this.target.xmlLimits);
      if (result.ok) {
        entries.set(id, result);
      } else {
        row.normalizeError = result.message;
        row.normalizeErrorCode = result.code;
        this.fail(counts, row.oaiIdentifier, result.code, result.message);
      }
    }
    const matched = await matchBatch(this.works, entries, removed);
    return { matched, rows };
  }

  private async write(
    matched: MatchedBatch,
    rows: Map<string, RawRecordRow>,
    counts: PageCounts,
  ): Promise<void> {
    const indexed = (result: BulkResult) => {
      counts.indexed += result.indexed;
      counts.deleted += result.deleted;
      for (const failure of result.failures) {
        const row = rows.get(failure.id);
        rows.delete(failure.id);
        this.fail(
          counts,
          row?.oaiIdentifier,
          'INDEX_REJECTED',
          `Elasticsearch refused it (${failure.status}): ${failure.reason}`,
        );
      }
    };
    // The documents are written under the publishing lock with the works as committed then:
    // no other process's older view of these records' works can be written after them
    // (libs/works README, concurrency rule).
    const { actions, documents, changes } = matched;
    await publishWorkChanges(this.works, this.elasticsearch, this.target.indices, changes, {
      actions,
      documents,
      indexed,
    });
    if (Date.now() - this.deferredPublishedAt >= DEFERRED_PUBLISH_MS) {
      this.deferredPublishedAt = Date.now();
      await this.publishDeferred();
    }
    const previous = this.stored;
    this.stored = previous.then(() => this.rawRecords.upsert([...rows.values()]));
    // A failed upsert must fail the run at its next checkpoint, not be left unobserved.
    this.stored.catch(() => undefined);
  }

  /** Writes the large works whose documents wait (publishWorkChanges); at least at the end of a run. */
  async publishDeferred(): Promise<void> {
    await publishDeferredWorks(this.works, this.elasticsearch, this.target.indices);
  }

  /** Resolves when every queued raw-record upsert is in PostgreSQL; throws the first failure. */
  storedAll(): Promise<void> {
    return this.stored;
  }

  private fail(
    counts: PageCounts,
    identifier: string | undefined,
    code: string,
    message: string,
  ): void {
    counts.failed++;
    if (this.errorRoom <= 0) return;
    this.errorRoom--;
    counts.errors.push({ identifier, code, message, at: new Date().toISOString() });
  }

  private idOf(record: OaiRecord): string {
    return catalogueRecordId(this.target.sourceId, record.header.identifier);
  }

  private rowOf(record: OaiRecord): RawRecordRow {
    const { header } = record;
    const metadataXml = header.deleted ? undefined : record.metadataXml;
    return {
      id: this.idOf(record),
      sourceId: this.target.sourceId,
      oaiIdentifier: header.identifier,
      metadataPrefix: this.target.metadataPrefix,
      datestamp: header.datestamp,
      setSpecs: header.setSpecs,
      deleted: header.deleted,
      metadataXml,
      normalizeError: null,
      normalizeErrorCode: null,
      hash: recordHash(
        this.target.library,
        header.identifier,
        header.datestamp,
        header.deleted,
        header.setSpecs,
        metadataXml ?? null,
      ),
    };
  }
}

/**
 * What makes a stored record current: its header, its XML, and the library facts copied
 * onto its document (a renamed library must re-index its records).
 */
function recordHash(library: LibraryInfo, ...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([library, ...parts]))
    .digest('hex');
}
