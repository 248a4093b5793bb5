import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { StaffOnlyGuard } from '@hop-luu/access';
import { MetricsRegistry } from './metrics-registry';

/**
 * Prometheus metrics for National Library staff. The apps' ports may be public, so a scrape
 * needs a staff API key (Prometheus: `authorization: { credentials: hl_… }`). The app's module
 * provides CALLER_IDENTIFIER for the guard.
 */
@Controller('metrics')
@UseGuards(StaffOnlyGuard)
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
