import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { StaffOnlyGuard } from '@hop-luu/access';
import { GatewayMetrics } from './gateway-metrics';

/**
 * Prometheus metrics for National Library staff. The gateway's port is public, so a scrape
 * needs a staff API key (Prometheus: `authorization: { credentials: hl_… }`), the same rule
 * as the harvester's metrics.
 */
@Controller('metrics')
@UseGuards(StaffOnlyGuard)
export class MetricsController {
  constructor(private readonly metrics: GatewayMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
