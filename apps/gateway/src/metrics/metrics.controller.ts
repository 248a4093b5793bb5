import {
  Controller,
  ForbiddenException,
  Get,
  Header,
  HttpException,
  HttpStatus,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { AccessError, AccessErrorCode, isStaff } from '@hop-luu/access';
import { CallerService } from '../access/caller.service';
import { GatewayMetrics } from './gateway-metrics';

const STATUS_OF: Record<AccessErrorCode, HttpStatus> = {
  [AccessErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [AccessErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [AccessErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * Prometheus metrics for National Library staff. The gateway's port is public, so a scrape
 * needs a staff API key (Prometheus: `authorization: { credentials: hl_… }`).
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly caller: CallerService,
    private readonly metrics: GatewayMetrics,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(@Req() req: Request): Promise<string> {
    const actor = await this.caller.identify(req).catch((error: unknown) => {
      if (error instanceof AccessError)
        throw new HttpException(error.message, STATUS_OF[error.code]);
      throw error;
    });
    if (!isStaff(actor)) {
      throw new ForbiddenException(
        'Gateway metrics are for National Library staff: send a staff API key as X-API-Key or Authorization: Bearer.',
      );
    }
    return this.metrics.registry.metrics();
  }
}
