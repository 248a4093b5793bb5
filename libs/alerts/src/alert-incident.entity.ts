import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QualityDrop } from './quality-drop';

export const INCIDENT_KINDS = ['RUN_FAILED', 'RUN_PARTIAL', 'STALE', 'QUALITY_DROP'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * Something wrong with one source, from the moment it is noticed until it is over. At most one
 * is open per source and kind (a partial unique index), so repeats only move `lastRunId`.
 */
@Entity('alert_incidents')
export class AlertIncident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ type: 'text' })
  kind: IncidentKind;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** The run that opened it (run incidents). */
  @Column({ name: 'first_run_id', type: 'uuid', nullable: true })
  firstRunId: string | null;

  /** The latest run that kept it open. */
  @Column({ name: 'last_run_id', type: 'uuid', nullable: true })
  lastRunId: string | null;

  @Column({ name: 'resolved_by_run_id', type: 'uuid', nullable: true })
  resolvedByRunId: string | null;

  /** The error code of the opening run, when it had one. */
  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode: string | null;

  /** One line on what happened, as the opening message said it (English, for logs and lists). */
  @Column({ type: 'text' })
  summary: string;

  /** QUALITY_DROP: the field whose share fell, and from what to what. */
  @Column({ type: 'jsonb', nullable: true })
  details: QualityDrop | null;

  /** When the opening message went out (or was given up on); null while it is being sent. */
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  @Column({ name: 'recovery_notified_at', type: 'timestamptz', nullable: true })
  recoveryNotifiedAt: Date | null;
}
