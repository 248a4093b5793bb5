import type { Request, Response } from 'express';
import { Controller, Get, HttpStatus, Param, Req, Res } from '@nestjs/common';
import { AccessError, AccessErrorCode, canManage, RateLimitedError } from '@hop-luu/access';
import { qualityCsv, QualityReportsService } from '@hop-luu/quality';
import { SourcesService } from '@hop-luu/sources';
import { CallerService } from '../access/caller.service';

/** An answer that is not the CSV: JSON `{ code, message }`, as the console's other endpoints. */
class CsvRefusal extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ACCESS_STATUS: Partial<Record<AccessErrorCode, HttpStatus>> = {
  [AccessErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [AccessErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * A source's data-quality report as CSV, for a spreadsheet. The same rule as
 * Source.qualityReport: staff read every source's, a partner its own; signed in with an API
 * key or the console's session cookie (CallerService works out which).
 */
@Controller('console/api/sources')
export class QualityCsvController {
  constructor(
    private readonly caller: CallerService,
    private readonly sources: SourcesService,
    private readonly reports: QualityReportsService,
  ) {}

  @Get(':id/quality.csv')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    try {
      const csv = await this.csvFor(id, req);
      res
        .status(HttpStatus.OK)
        .type('text/csv; charset=utf-8')
        .attachment(`quality-${id}.csv`)
        .send(csv);
    } catch (error) {
      const refusal = refusalOf(error);
      if (error instanceof RateLimitedError) res.setHeader('Retry-After', error.retryAfterSeconds);
      res.status(refusal.status).json({ code: refusal.code, message: refusal.message });
    }
  }

  private async csvFor(id: string, req: Request): Promise<string> {
    const actor = await this.caller.identify(req);
    if (actor.kind === 'anonymous') {
      throw new CsvRefusal(
        HttpStatus.UNAUTHORIZED,
        AccessErrorCode.Unauthenticated,
        'Quality reports are for partner libraries and staff: sign in to the console, or send your API key in the X-API-Key header.',
      );
    }
    const source = await this.sources.find(id);
    if (!source)
      throw new CsvRefusal(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'There is no source with that id.');
    if (!canManage(actor, source.ownerId)) {
      throw new CsvRefusal(
        HttpStatus.FORBIDDEN,
        AccessErrorCode.Forbidden,
        'This source belongs to another partner library; you can read the reports of your own sources.',
      );
    }
    const stored = await this.reports.find(id);
    if (!stored) {
      throw new CsvRefusal(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'This source has no quality report yet: one is made when its first harvest run ends.',
      );
    }
    return qualityCsv(id, stored.report);
  }
}

function refusalOf(error: unknown): CsvRefusal {
  if (error instanceof CsvRefusal) return error;
  if (error instanceof AccessError)
    return new CsvRefusal(
      ACCESS_STATUS[error.code] ?? HttpStatus.FORBIDDEN,
      error.code,
      error.message,
    );
  throw error;
}
