import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QualityReport } from '../quality-report';

/** The latest data-quality report of a source, and the one before it (a drop shows against it). */
@Entity('source_quality_reports')
export class SourceQualityReport {
  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'jsonb' })
  report: QualityReport;

  @Column({ type: 'jsonb', nullable: true })
  previous: QualityReport | null;
}
