import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CATALOGUE_MAPPING_VERSION, CatalogueIndex } from '@hop-luu/search-index';
import { PROFILE_VERSION } from '@hop-luu/work-matching';
import { WorksReaderService } from '@hop-luu/works';
import { ReindexReport, ReindexService } from './reindex.service';

/**
 * A release whose catalogue mapping changed (a new field, a copy_to) needs every document
 * indexed again. At start-up the harvester rebuilds an outdated live index from the raw
 * records, in the background: searches keep answering from the old index until the alias
 * swaps, and harvests wait for the rebuild so the new index misses nothing.
 */
@Injectable()
export class MappingUpgradeService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MappingUpgradeService.name);
  /** The background rebuild started at bootstrap, for whoever needs to wait for it. */
  upgrade: Promise<ReindexReport | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly catalogue: CatalogueIndex,
    private readonly reindex: ReindexService,
    private readonly works: WorksReaderService,
  ) {}

  onApplicationBootstrap(): void {
    this.upgrade = this.upgradeIfOutdated().catch((error: Error) => {
      this.logger.error(
        `could not bring the catalogue index up to mapping version ${CATALOGUE_MAPPING_VERSION}: ` +
          `${error.message}; run \`npm run cli -- reindex\` once Elasticsearch and PostgreSQL answer`,
      );
      return undefined;
    });
    void this.warnIfProfilesStale();
  }

  /**
   * Records matched with profiles of an older libs/work-matching release are compared with new
   * ones as they are until a re-cluster rebuilds them all; the operator is told once at start.
   */
  private async warnIfProfilesStale(): Promise<void> {
    const stale = await this.works.staleProfiles(PROFILE_VERSION).catch(() => 0);
    if (stale > 0)
      this.logger.warn(
        `${stale} records were matched to works with an older matching profile (this release builds version ${PROFILE_VERSION}): run \`npm run works:recluster\` to match every record with this release's rules`,
      );
  }

  private async upgradeIfOutdated(): Promise<ReindexReport | undefined> {
    if (!(await this.reindex.isOutdated())) return undefined;
    const live = await this.catalogue.outdatedMappingVersion();
    this.logger.warn(
      live === undefined
        ? `the works index is missing or outdated: rebuilding both indexes from the raw records`
        : `catalogue index ${this.catalogue.alias} was built under mapping version ${live}; this ` +
            `release needs ${CATALOGUE_MAPPING_VERSION}: rebuilding it from the raw records`,
    );
    return this.reindex.reindexIfOutdated();
  }
}
