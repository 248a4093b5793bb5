import { createHash } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { RunError } from '@hop-luu/harvest-runs';
import { OaiRecord } from '@hop-luu/oai-pmh';
import { BulkAction, LibraryInfo, writeBulk } from '@hop-luu/search-index';
import { RawRecordRow, RawRecordsService } from '../raw-records/raw-records.service';
import { indexActionFor } from './index-action';

/** Where a batch goes: the source it came from and the index alias it is written to. */
export interface BatchTarget {
  readonly sourceId: string;
  readonly metadataPrefix: string;
  readonly library: LibraryInfo;
  readonly index: string;
}

export interface BatchCounts {
  indexed: number;
  unchanged: number;
  deleted: number;
  failed: number;
  errors: RunError[];
}

export const emptyCounts = (): BatchCounts => ({
  indexed: 0,
  unchanged: 0,
  deleted: 0,
  failed: 0,
  errors: [],
});

const MAX_BATCH_RECORDS = 1000;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Collects a page's records and writes them in batches bounded by count and bytes:
 * unchanged records (same hash as stored) are skipped, the rest normalised and bulk-indexed,
 * then their raw XML is stored. A record whose indexing failed is not stored, so the next
 * harvest tries it again.
 */
export class RecordBatcher {
  private pending: OaiRecord[] = [];
  private pendingBytes = 0;
  private counts = emptyCounts();

  constructor(
    private readonly target: BatchTarget,
    private readonly elasticsearch: Client,
    private readonly rawRecords: RawRecordsService,
    /** How many more error samples the run may keep; failures beyond it are only counted. */
    private errorRoom: number,
  ) {}

  async add(record: OaiRecord): Promise<void> {
    this.pending.push(record);
    this.pendingBytes += (record.metadataXml?.length ?? 0) * 2;
    if (this.pending.length >= MAX_BATCH_RECORDS || this.pendingBytes >= MAX_BATCH_BYTES)
      await this.flush();
  }

  /** A record the OAI client could not read at all (broken XML): counted with its identifier. */
  addUnreadable(identifier: string | undefined, reason: string): void {
    this.fail(identifier, 'UNREADABLE_RECORD', reason);
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (batch.length > 0) await this.write(batch);
  }

  /** Counts since the last call; the runner adds them to the run at each checkpoint. */
  takeCounts(): BatchCounts {
    const counts = this.counts;
    this.counts = emptyCounts();
    return counts;
  }

  private async write(batch: OaiRecord[]): Promise<void> {
    const rows = new Map<string, RawRecordRow>();
    for (const record of batch) rows.set(this.idOf(record), this.rowOf(record));
    const stored = await this.rawRecords.indexedHashes([...rows.keys()]);
    const actions: BulkAction[] = [];
    for (const [id, row] of rows) {
      if (stored.get(id) === row.hash) {
        this.counts.unchanged++;
        rows.delete(id);
      } else {
        const action = this.actionFor(row);
        if (action) actions.push(action);
      }
    }
    const result =
      actions.length > 0
        ? await writeBulk(this.elasticsearch, this.target.index, actions)
        : undefined;
    this.counts.indexed += result?.indexed ?? 0;
    this.counts.deleted += result?.deleted ?? 0;
    for (const failure of result?.failures ?? []) {
      const row = rows.get(failure.id);
      rows.delete(failure.id);
      this.fail(
        row?.oaiIdentifier,
        'INDEX_REJECTED',
        `Elasticsearch refused it (${failure.status}): ${failure.reason}`,
      );
    }
    await this.rawRecords.upsert([...rows.values()]);
  }

  /** The index or delete action for a changed record; undefined when it cannot be mapped (then counted failed). */
  private actionFor(row: RawRecordRow): BulkAction | undefined {
    const result = indexActionFor(row, this.target.library);
    if (result.ok) return result.action;
    row.normalizeError = result.message;
    this.fail(row.oaiIdentifier, result.code, result.message);
    return undefined;
  }

  private fail(identifier: string | undefined, code: string, message: string): void {
    this.counts.failed++;
    if (this.errorRoom <= 0) return;
    this.errorRoom--;
    this.counts.errors.push({ identifier, code, message, at: new Date().toISOString() });
  }

  private idOf(record: OaiRecord): string {
    return `${this.target.sourceId}:${record.header.identifier}`;
  }

  private rowOf(record: OaiRecord): RawRecordRow {
    const { header } = record;
    const metadataXml = header.deleted ? null : (record.metadataXml ?? null);
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
      hash: recordHash(
        this.target.library,
        header.identifier,
        header.datestamp,
        header.deleted,
        header.setSpecs,
        metadataXml,
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
