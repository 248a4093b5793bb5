import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { StaffOnlyGuard } from '@hop-luu/access';
import { HarvestMetrics } from './harvest-metrics';

/** Prometheus metrics, for staff API keys only: the same rule as the gateway's metrics. */
@Controller('metrics')
@UseGuards(StaffOnlyGuard)
export class MetricsController {
  constructor(private readonly metrics: HarvestMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
