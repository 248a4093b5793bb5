import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { QualityReport } from '../quality-report';
import { SourceQualityReport } from './source-quality-report.entity';

/** A stored report and the one it replaced. */
export interface StoredQualityReport {
  readonly report: QualityReport;
  readonly previous: QualityReport | null;
}

/** Stored data-quality reports: written by the harvester after each run, read by the gateway. */
@Injectable()
export class QualityReportsService {
  constructor(
    @InjectRepository(SourceQualityReport)
    private readonly reports: Repository<SourceQualityReport>,
  ) {}

  /** Stores `report` as the source's latest; the one it replaces becomes `previous`, in one statement. */
  async save(sourceId: string, report: QualityReport): Promise<StoredQualityReport> {
    const rows: { previous: QualityReport | null }[] = await this.reports.query(
      `INSERT INTO source_quality_reports AS r (source_id, run_id, computed_at, report, previous)
       VALUES ($1, $2, $3, $4, NULL)
       ON CONFLICT (source_id) DO UPDATE SET
         run_id = excluded.run_id, computed_at = excluded.computed_at,
         report = excluded.report, previous = r.report
       RETURNING previous`,
      [sourceId, report.runId, report.computedAt, JSON.stringify(report)],
    );
    return { report, previous: rows[0]?.previous ?? null };
  }

  /** Reports of several sources in one query (sources without one are absent). */
  async findMany(sourceIds: string[]): Promise<Map<string, StoredQualityReport>> {
    if (sourceIds.length === 0) return new Map();
    const rows = await this.reports.findBy({ sourceId: In(sourceIds) });
    return new Map(
      rows.map((row) => [row.sourceId, { report: row.report, previous: row.previous }]),
    );
  }

  /** The source's latest report and the one before, or null before its first run ended. */
  async find(sourceId: string): Promise<StoredQualityReport | null> {
    const row = await this.reports.findOneBy({ sourceId });
    return row ? { report: row.report, previous: row.previous } : null;
  }
}
