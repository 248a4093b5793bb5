import { Controller, Get, Header } from '@nestjs/common';
import { HarvestMetrics } from './harvest-metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: HarvestMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
