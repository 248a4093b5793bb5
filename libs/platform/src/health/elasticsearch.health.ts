import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Client } from '@elastic/elasticsearch';
import { isServing, readClusterStatus } from '@hop-luu/search-index';

const HEALTH_TIMEOUT_MS = 2000;

/** Readiness of Elasticsearch: up while the cluster answers green or yellow. */
@Injectable()
export class ElasticsearchHealthIndicator {
  constructor(
    private readonly client: Client,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'elasticsearch') {
    const session = this.health.check(key);
    const status = await readClusterStatus(this.client, HEALTH_TIMEOUT_MS);
    if (isServing(status)) return session.up({ cluster: status.status });
    return session.down({
      message: status.reachable
        ? `Elasticsearch cluster is ${status.status}; check its shards and nodes`
        : `Elasticsearch is unreachable (${status.error}); check ELASTICSEARCH_URL and that the node runs`,
    });
  }
}
