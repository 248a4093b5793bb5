import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { LOCK_CLASS, LockSession } from '@hop-luu/database';
import { BulkAction, CatalogueIndex, LibraryInfo, writeBulk } from '@hop-luu/search-index';
import { SourcesService } from '@hop-luu/sources';
import { indexActionFor, xmlLimitsOf } from '../harvest/index-action';
import { RawRecordRow, RawRecordsService } from '../raw-records/raw-records.service';

export interface ReindexReport {
  readonly index: string;
  readonly previous?: string;
  readonly indexed: number;
  readonly failed: number;
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
  ) {}

  async reindex(): Promise<ReindexReport> {
    return this.underLock(() => this.rebuild());
  }

  /**
   * Rebuilds only if the live index predates this release's mapping, checked again under the
   * lock so that, of several harvesters starting together, one rebuilds and the rest find it done.
   */
  async reindexIfOutdated(): Promise<ReindexReport | undefined> {
    return this.underLock(async () =>
      (await this.catalogue.isOutdated()) ? this.rebuild() : undefined,
    );
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
    const previous = await this.catalogue.swapAlias(index);
    this.logger.log(
      `alias ${this.catalogue.alias} now points at ${index} (${indexed} records, ${failed} failed)`,
    );
    await this.catalogue.deleteVersionsBefore(previous);
    return { index, previous, indexed, failed };
  }

  private actionFor(raw: RawRecordRow, library: LibraryInfo | undefined): BulkAction[] {
    if (raw.deleted || !library) return [];
    const result = indexActionFor(raw, library, xmlLimitsOf(this.config));
    return result.ok ? [result.action] : [];
  }
}
