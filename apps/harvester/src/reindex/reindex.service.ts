import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { LOCK_CLASS, LockSession } from '@hop-luu/database';
import {
  BulkAction,
  CatalogueIndex,
  LibraryInfo,
  rebuildWorks,
  WorksIndex,
  writeBulk,
} from '@hop-luu/search-index';
import { SourcesService } from '@hop-luu/sources';
import { indexActionFor, xmlLimitsOf } from '../harvest/index-action';
import { RawRecordRow, RawRecordsService } from '../raw-records/raw-records.service';

export interface ReindexReport {
  readonly index: string;
  readonly previous?: string;
  readonly indexed: number;
  readonly failed: number;
  /** The works index version built from it, and its number of works. */
  readonly worksIndex: string;
  readonly works: number;
}

const BATCH = 1000;

/**
 * Builds the next catalogue index version from the raw records in PostgreSQL (no source is
 * contacted), then swaps the alias in one atomic request: searches answer throughout. Harvests
 * wait while it runs, so the new version misses nothing.
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
    private readonly works: WorksIndex,
  ) {}

  async reindex(): Promise<ReindexReport> {
    return this.underLock(() => this.rebuild());
  }

  /**
   * Rebuilds only if a live index predates this release's mapping (or the catalogue has no
   * works index yet), checked again under the lock so that, of several harvesters starting
   * together, one rebuilds and the rest find it done.
   */
  async reindexIfOutdated(): Promise<ReindexReport | undefined> {
    return this.underLock(async () => ((await this.isOutdated()) ? this.rebuild() : undefined));
  }

  /** True when the catalogue or the works index must be built again for this release. */
  async isOutdated(): Promise<boolean> {
    if ((await this.catalogue.isOutdated()) || (await this.works.isOutdated())) return true;
    const hasRecords = (await this.catalogue.currentIndex()) !== undefined;
    return hasRecords && (await this.works.currentIndex()) === undefined;
  }

  private async underLock<T>(work: () => Promise<T>): Promise<T> {
    const lock = await LockSession.open(this.config.databaseUrl, 'reindex-lock');
    try {
      // Exclusive: waits for running harvests (which hold it shared) and holds off new ones.
      await lock.query('SELECT pg_advisory_lock($1, 0)', [LOCK_CLASS.reindex]);
      return await work();
    } finally {
      await lock.close();
    }
  }

  private async rebuild(): Promise<ReindexReport> {
    const index = await this.catalogue.createVersion(await this.catalogue.nextVersion());
    this.logger.log(`building ${index} from raw records`);
    const libraries = new Map(
      (await this.sources.list()).map((s) => [
        s.id,
        { name: s.libraryName, kind: s.libraryKind, province: s.province },
      ]),
    );
    let indexed = 0;
    let failed = 0;
    for await (const batch of this.rawRecords.streamAll(BATCH)) {
      const actions = batch.flatMap((raw) => this.actionFor(raw, libraries.get(raw.sourceId)));
      failed += batch.length - actions.length - batch.filter((raw) => raw.deleted).length;
      const result = await writeBulk(this.elasticsearch, index, actions);
      indexed += result.indexed;
      failed += result.failures.length;
    }
    await this.elasticsearch.indices.refresh({ index });
    const worksIndex = await this.works.createVersion(await this.works.nextVersion());
    const built = await rebuildWorks(this.elasticsearch, { records: index, works: worksIndex });
    failed += built.failures.length;
    const previous = await this.catalogue.swapAlias(index);
    const previousWorks = await this.works.swapAlias(worksIndex);
    this.logger.log(
      `alias ${this.catalogue.alias} now points at ${index} (${indexed} records, ${failed} failed), ` +
        `${this.works.alias} at ${worksIndex} (${built.works} works)`,
    );
    await this.catalogue.deleteVersionsBefore(previous);
    await this.works.deleteVersionsBefore(previousWorks);
    return { index, previous, indexed, failed, worksIndex, works: built.works };
  }

  private actionFor(raw: RawRecordRow, library: LibraryInfo | undefined): BulkAction[] {
    if (raw.deleted || !library) return [];
    const result = indexActionFor(raw, library, xmlLimitsOf(this.config));
    return result.ok ? [result.action] : [];
  }
}
