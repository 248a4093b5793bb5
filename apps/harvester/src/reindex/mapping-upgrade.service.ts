import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CATALOGUE_MAPPING_VERSION, CatalogueIndex } from '@hop-luu/search-index';
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
  ) {}

  onApplicationBootstrap(): void {
    this.upgrade = this.upgradeIfOutdated().catch((error: Error) => {
      this.logger.error(
        `could not bring the catalogue index up to mapping version ${CATALOGUE_MAPPING_VERSION}: ` +
          `${error.message}; run \`npm run cli -- reindex\` once Elasticsearch and PostgreSQL answer`,
      );
      return undefined;
    });
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
