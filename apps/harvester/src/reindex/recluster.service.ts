import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { LibraryInfo } from '@hop-luu/search-index';
import { SourcesService } from '@hop-luu/sources';
import { MatchProfile, profileOf } from '@hop-luu/work-matching';
import { WorkMatchingService } from '@hop-luu/works';
import { entryFor, xmlLimitsOf } from '../harvest/index-action';
import { RawRecordsService } from '../raw-records/raw-records.service';
import { ReindexReport, ReindexService } from './reindex.service';

export interface ReclusterReport extends ReindexReport {
  readonly profiled: number;
}

const BATCH = 1000;

/**
 * `works:recluster`: every raw record profiled again (as a harvest would), every component
 * recomputed from scratch by the same function as the incremental path (curators' decisions
 * applied), then both indexes rebuilt. Harvests wait for it (the reindex lock), and a failure
 * leaves the works as they were (one transaction).
 */
@Injectable()
export class ReclusterService {
  private readonly logger = new Logger(ReclusterService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rawRecords: RawRecordsService,
    private readonly sources: SourcesService,
    private readonly matching: WorkMatchingService,
    private readonly reindex: ReindexService,
  ) {}

  recluster(): Promise<ReclusterReport> {
    return this.reindex.underLock(async () => {
      const libraries = new Map(
        (await this.sources.list()).map((s): [string, LibraryInfo] => [
          s.id,
          { name: s.libraryName, kind: s.libraryKind, province: s.province },
        ]),
      );
      const { records } = await this.matching.reclusterAll(this.profiles(libraries));
      this.logger.log(`re-clustered ${records} records; rebuilding both indexes`);
      return { ...(await this.reindex.rebuild()), profiled: records };
    });
  }

  /** Profiles of every raw record that a harvest would index, a batch at a time. */
  private async *profiles(
    libraries: ReadonlyMap<string, LibraryInfo>,
  ): AsyncGenerator<MatchProfile[]> {
    const limits = xmlLimitsOf(this.config);
    for await (const batch of this.rawRecords.streamAll(BATCH)) {
      yield batch.flatMap((raw) => {
        const library = libraries.get(raw.sourceId);
        if (raw.deleted || !library) return [];
        const entry = entryFor(raw, library, limits);
        return entry.ok ? [profileOf(entry.record)] : [];
      });
    }
  }
}
