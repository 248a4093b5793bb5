import { Injectable, Logger } from '@nestjs/common';
import { LibraryInfo } from '@hop-luu/search-index';
import { MatchProfile, profileOf } from '@hop-luu/work-matching';
import { WorkMatchingService } from '@hop-luu/works';
import { RawRecordsService } from '../raw-records/raw-records.service';
import { ReindexReport, ReindexService } from './reindex.service';

export interface ReclusterReport extends ReindexReport {
  /** Records profiled and matched again. */
  readonly profiled: number;
  /** Works they make in PostgreSQL (`works` is what the works index was then built with). */
  readonly clustered: number;
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
    private readonly rawRecords: RawRecordsService,
    private readonly matching: WorkMatchingService,
    private readonly reindex: ReindexService,
  ) {}

  recluster(): Promise<ReclusterReport> {
    return this.reindex.underLock(async () => {
      const libraries = await this.reindex.libraries();
      const { records, works } = await this.matching.reclusterAll(this.profiles(libraries));
      this.logger.log(
        `re-clustered ${records} records into ${works} works; rebuilding both indexes`,
      );
      return { ...(await this.reindex.rebuild()), profiled: records, clustered: works };
    });
  }

  /** Profiles of every raw record that a harvest would index, a batch at a time. */
  private async *profiles(
    libraries: ReadonlyMap<string, LibraryInfo>,
  ): AsyncGenerator<MatchProfile[]> {
    for await (const batch of this.rawRecords.streamAll(BATCH)) {
      yield [...this.reindex.entriesOf(batch, libraries).values()].map((entry) =>
        profileOf(entry.record),
      );
    }
  }
}
