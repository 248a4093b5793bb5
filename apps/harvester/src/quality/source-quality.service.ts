import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import type { HarvestRun } from '@hop-luu/harvest-runs';
import { buildQualityReport, QualityReportsService, StoredQualityReport } from '@hop-luu/quality';
import { Client } from '@elastic/elasticsearch';
import { catalogueQualityCounts, CatalogueIndex, CatalogueStats } from '@hop-luu/search-index';
import { QUALITY_UPDATED, QualityUpdatedEvent } from '../events/harvest-events';
import { failuresOf } from './stored-failures';

/**
 * Computes a source's data-quality report from what harvesting recorded (the catalogue
 * documents' quality facts, the raw records' failure codes, the run's error sample), stores
 * it beside the previous one and announces it (QUALITY_UPDATED).
 */
@Injectable()
export class SourceQualityService {
  constructor(
    private readonly elasticsearch: Client,
    private readonly catalogue: CatalogueIndex,
    private readonly stats: CatalogueStats,
    private readonly database: DataSource,
    private readonly reports: QualityReportsService,
    private readonly events: EventEmitter2,
  ) {}

  async update(run: HarvestRun): Promise<StoredQualityReport> {
    // The run's last documents are searchable only after a refresh.
    await this.catalogue.refresh();
    const [counts, sharedWorkRecords, failures] = await Promise.all([
      catalogueQualityCounts(this.elasticsearch, this.catalogue.alias, run.sourceId),
      this.stats.recordsOfSharedWorks(run.sourceId),
      failuresOf(this.database, run.sourceId, run.errors),
    ]);
    const report = buildQualityReport({
      ...counts,
      sharedWorkRecords,
      failures,
      computedAt: new Date(),
      runId: run.id,
    });
    const stored = await this.reports.save(run.sourceId, report);
    this.events.emit(QUALITY_UPDATED, {
      sourceId: run.sourceId,
      ...stored,
    } satisfies QualityUpdatedEvent);
    return stored;
  }
}
