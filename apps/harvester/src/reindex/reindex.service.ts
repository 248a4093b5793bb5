import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { LOCK_CLASS, LockSession } from '@hop-luu/database';
import {
  BulkAction,
  CatalogueIndex,
  LibraryInfo,
  MovedRecord,
  rebuildWorks,
  updateRecordWorks,
  WorksIndex,
  withWork,
  writeBulk,
} from '@hop-luu/search-index';
import { libraryOf, SourcesService } from '@hop-luu/sources';
import { recordWorkOf, WorkMatchingService, WorksReaderService } from '@hop-luu/works';
import { CatalogueEntry, entryFor, matchBatch, xmlLimitsOf } from '../harvest/index-action';
import { RawRecordRow, RawRecordsService } from '../raw-records/raw-records.service';

export interface ReindexReport {
  readonly index: string;
  readonly previous?: string;
  readonly worksIndex: string;
  readonly indexed: number;
  readonly failed: number;
  readonly works: number;
}

const BATCH = 1000;

/**
 * Builds the next version of both indexes from PostgreSQL (no source is contacted): each raw
 * record normalised again with the work PostgreSQL holds for it (records that have none, as
 * after an upgrade, are matched first), then every work's document from its members; then
 * both aliases swap: searches answer throughout. Harvests wait while it runs, so the new
 * versions miss nothing.
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rawRecords: RawRecordsService,
    private readonly sources: SourcesService,
    private readonly elasticsearch: Client,
    private readonly catalogue: CatalogueIndex,
    private readonly worksIndex: WorksIndex,
    private readonly matching: WorkMatchingService,
    private readonly works: WorksReaderService,
  ) {}

  async reindex(): Promise<ReindexReport> {
    return this.underLock(() => this.rebuild());
  }

  /**
   * Rebuilds only if the live index predates this release's mapping, checked again under the
   * lock so that, of several harvesters starting together, one rebuilds and the rest find it done.
   */
  async reindexIfOutdated(): Promise<ReindexReport | undefined> {
    return this.underLock(async () => ((await this.isOutdated()) ? this.rebuild() : undefined));
  }

  /** True when the catalogue or the works index must be built again for this release. */
  async isOutdated(): Promise<boolean> {
    if ((await this.catalogue.isOutdated()) || (await this.worksIndex.isOutdated())) return true;
    const hasRecords = (await this.catalogue.currentIndex()) !== undefined;
    return hasRecords && (await this.worksIndex.currentIndex()) === undefined;
  }

  /** Runs `work` holding the reindex lock exclusively: running harvests finish first, new ones wait. */
  async underLock<T>(work: () => Promise<T>): Promise<T> {
    const lock = await LockSession.open(this.config.databaseUrl, 'reindex-lock');
    try {
      // Exclusive: waits for running harvests (which hold it shared) and holds off new ones.
      await lock.query('SELECT pg_advisory_lock($1, 0)', [LOCK_CLASS.reindex]);
      return await work();
    } finally {
      await lock.close();
    }
  }

  /** Both indexes rebuilt (the caller holds the reindex lock). */
  async rebuild(): Promise<ReindexReport> {
    const index = await this.catalogue.createVersion(await this.catalogue.nextVersion());
    const worksIndex = await this.worksIndex.createVersion(await this.worksIndex.nextVersion());
    this.logger.log(`building ${index} and ${worksIndex} from PostgreSQL`);
    const libraries = await this.libraries();
    let indexed = 0;
    let failed = 0;
    for await (const batch of this.rawRecords.streamAll(BATCH)) {
      const entries = this.entriesOf(batch, libraries);
      failed += batch.length - entries.size - batch.filter((raw) => raw.deleted).length;
      const result = await writeBulk(
        this.elasticsearch,
        index,
        await this.withWorks(index, entries),
      );
      indexed += result.indexed;
      failed += result.failures.length;
    }
    // The records now carry their works: each work's document is built from its members.
    const built = await rebuildWorks(this.elasticsearch, { records: index, works: worksIndex });
    failed += built.failures.length;
    const works = built.works;
    const previous = await this.catalogue.swapAlias(index);
    const previousWorks = await this.worksIndex.swapAlias(worksIndex);
    this.logger.log(
      `aliases ${this.catalogue.alias} and ${this.worksIndex.alias} now point at ${index} and ${worksIndex} (${indexed} records, ${failed} failed, ${works} works)`,
    );
    await this.catalogue.deleteVersionsBefore(previous);
    await this.worksIndex.deleteVersionsBefore(previousWorks);
    return { index, previous, worksIndex, indexed, failed, works };
  }

  /** Each source's library facts, by source id. */
  async libraries(): Promise<Map<string, LibraryInfo>> {
    return new Map((await this.sources.list()).map((s) => [s.id, libraryOf(s)]));
  }

  /** The batch's records as a harvest would index them (deleted and unreadable ones left out). */
  entriesOf(
    batch: readonly RawRecordRow[],
    libraries: ReadonlyMap<string, LibraryInfo>,
  ): Map<string, CatalogueEntry> {
    const entries = new Map<string, CatalogueEntry>();
    for (const raw of batch) {
      const library = libraries.get(raw.sourceId);
      if (raw.deleted || !library) continue;
      const result = entryFor(raw, library, xmlLimitsOf(this.config));
      if (result.ok) entries.set(raw.id, result);
    }
    return entries;
  }

  /**
   * The batch's documents with the works PostgreSQL holds for them. Records without one are
   * matched now; records that moved because of them are updated in the new index (those still
   * to come read their work from PostgreSQL when their batch is reached).
   */
  private async withWorks(
    index: string,
    entries: ReadonlyMap<string, CatalogueEntry>,
  ): Promise<BulkAction[]> {
    const stored = await this.works.membershipsOf([...entries.keys()]);
    const unmatched = new Map([...entries].filter(([id]) => !stored.has(id)));
    const actions: BulkAction[] = [];
    for (const [id, entry] of entries) {
      const membership = stored.get(id);
      if (!membership) continue;
      actions.push({
        kind: 'index',
        id,
        document: withWork(entry.document, recordWorkOf(membership)),
      });
    }
    if (unmatched.size === 0) return actions;
    const matched = await matchBatch(this.matching, unmatched, []);
    const moved: MovedRecord[] = [];
    for (const membership of matched.changes.moved) {
      const entry = entries.get(membership.recordId);
      // One of this batch: its document is not written yet, so it goes with its new work
      // (withWork changes the document its action already holds).
      if (entry) withWork(entry.document, recordWorkOf(membership));
      else moved.push({ recordId: membership.recordId, work: recordWorkOf(membership) });
    }
    if (moved.length > 0) await updateRecordWorks(this.elasticsearch, index, moved);
    return [...actions, ...matched.actions];
  }
}
