import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { isServing, readClusterStatus } from './cluster-status';

/**
 * Logs at start-up whether Elasticsearch serves. A down cluster does not stop the app:
 * it starts degraded (readiness says why) and recovers when the cluster comes back.
 */
@Injectable()
export class ElasticsearchStartupCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(ElasticsearchStartupCheck.name);

  constructor(private readonly client: Client) {}

  async onApplicationBootstrap(): Promise<void> {
    const status = await readClusterStatus(this.client, 5000);
    if (isServing(status)) {
      this.logger.log(`Elasticsearch is ${status.status}`);
    } else {
      this.logger.warn(
        `Elasticsearch is not serving (${status.error ?? status.status}); starting degraded — ` +
          'searches and indexing fail until it is reachable. Check ELASTICSEARCH_URL.',
      );
    }
  }
}
