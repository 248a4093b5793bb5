import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ElasticsearchHealthIndicator } from './elasticsearch.health';

/**
 * live: the process answers (restart it if not). ready: PostgreSQL and Elasticsearch both
 * answer; otherwise 503 naming the one that failed, so a load balancer stops sending traffic.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly elasticsearch: ElasticsearchHealthIndicator,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.elasticsearch.check('elasticsearch'),
    ]);
  }
}
