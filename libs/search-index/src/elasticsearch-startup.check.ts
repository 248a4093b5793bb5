import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { CatalogueIndex } from './catalogue/catalogue-index';
import { CATALOGUE_MAPPING_VERSION } from './catalogue/catalogue-mapping';
import { isServing, readClusterStatus } from './cluster-status';

/**
 * Logs at start-up whether Elasticsearch serves. A down cluster does not stop the app:
 * it starts degraded (readiness says why) and recovers when the cluster comes back.
 * A live index built under an older mapping is reported too: searches miss what the new
 * mapping adds until a harvester has rebuilt it.
 */
@Injectable()
export class ElasticsearchStartupCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(ElasticsearchStartupCheck.name);

  constructor(
    private readonly client: Client,
    private readonly catalogue: CatalogueIndex,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const status = await readClusterStatus(this.client, 5000);
    if (!isServing(status)) {
      this.logger.warn(
        `Elasticsearch is not serving (${status.error ?? status.status}); starting degraded — ` +
          'searches and indexing fail until it is reachable. Check ELASTICSEARCH_URL.',
      );
      return;
    }
    this.logger.log(`Elasticsearch is ${status.status}`);
    const live = await this.catalogue.outdatedMappingVersion().catch(() => undefined);
    if (live !== undefined) {
      this.logger.warn(
        `catalogue index ${this.catalogue.alias} was built under mapping version ${live}, this ` +
          `release needs ${CATALOGUE_MAPPING_VERSION}: searches find little until a harvester ` +
          'has rebuilt it (it does so when it starts; or run `npm run cli -- reindex`)',
      );
    }
  }
}
