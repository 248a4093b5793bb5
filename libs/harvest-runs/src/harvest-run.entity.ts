import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const RUN_TRIGGERS = ['schedule', 'manual', 'resume'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
export const RUN_MODES = ['full', 'incremental'] as const;
export type RunMode = (typeof RUN_MODES)[number];
export const RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One sample error of a run; the run keeps a bounded number of them. */
export interface RunError {
  /** OAI identifier of the record, when the error is about one record. */
  readonly identifier?: string;
  readonly code: string;
  readonly message: string;
  readonly at: string;
}

// pg returns bigint as a string to avoid precision loss; byte counts stay far below 2^53.
const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => Number(value ?? 0),
};

/**
 * One harvest of one source, from queued to finished. A queued row is also the job the
 * harvester picks up, so the gateway and the CLI trigger harvests by inserting one.
 */
@Entity('harvest_runs')
@Index(['sourceId', 'queuedAt'])
export class HarvestRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ type: 'text' })
  trigger: RunTrigger;

  @Column({ type: 'text' })
  mode: RunMode;

  @Column({ type: 'text' })
  status: RunStatus;

  @Column({ name: 'from_date', type: 'timestamptz', nullable: true })
  fromDate: Date | null;

  @Column({ name: 'until_date', type: 'timestamptz', nullable: true })
  untilDate: Date | null;

  /** For trigger 'resume': the token of the interrupted run to continue from. */
  @Column({ name: 'resume_token', type: 'text', nullable: true })
  resumeToken: string | null;

  /** The set whose list `lastToken` belongs to, when the source harvests sets one by one. */
  @Column({ name: 'current_set', type: 'text', nullable: true })
  currentSet: string | null;

  /** The run this one resumes. */
  @Column({ name: 'resumes_run_id', type: 'uuid', nullable: true })
  resumesRunId: string | null;

  /** Server's responseDate at the start of the run; the next high-water mark comes from it. */
  @Column({ name: 'server_start_time', type: 'timestamptz', nullable: true })
  serverStartTime: Date | null;

  @Column({ name: 'queued_at', type: 'timestamptz', default: () => 'now()' })
  queuedAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  pages: number;

  @Column({ name: 'records_seen', type: 'int', default: 0 })
  recordsSeen: number;

  @Column({ name: 'records_indexed', type: 'int', default: 0 })
  recordsIndexed: number;

  /** Records whose raw XML was identical to what we already had: nothing to write. */
  @Column({ name: 'records_unchanged', type: 'int', default: 0 })
  recordsUnchanged: number;

  @Column({ name: 'records_deleted', type: 'int', default: 0 })
  recordsDeleted: number;

  @Column({ name: 'records_failed', type: 'int', default: 0 })
  recordsFailed: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  bytes: number;

  @Column({ type: 'int', default: 0 })
  requests: number;

  @Column({ type: 'int', default: 0 })
  retries: number;

  /** Invalid UTF-8 byte sequences in the responses, each read as U+FFFD (the records say where). */
  @Column({ name: 'invalid_bytes_replaced', type: 'int', default: 0 })
  invalidBytesReplaced: number;

  /** Token of the last page whose records are safely stored: where a resume starts. */
  @Column({ name: 'last_token', type: 'text', nullable: true })
  lastToken: string | null;

  @Column({ name: 'complete_list_size', type: 'int', nullable: true })
  completeListSize: number | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: RunError[];

  /** host:pid of the harvester process running it. */
  @Column({ type: 'text', nullable: true })
  worker: string | null;

  /** Partner or staff member who asked for a manual run. */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;
}
