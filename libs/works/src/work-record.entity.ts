import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One record's work, the profile it was matched with, and the evidence for its membership. */
@Entity('work_records')
@Index(['workId'])
export class WorkRecord {
  @PrimaryColumn({ name: 'record_id', type: 'text' })
  recordId: string;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  /** '' for a record inserted in the running transaction and not yet clustered. */
  @Column({ name: 'work_id', type: 'text' })
  workId: string;

  /** The MatchProfile (libs/work-matching), JSON. */
  @Column({ type: 'jsonb' })
  profile: unknown;

  /** signatureOf(profile): twins share it (README, twins). */
  @Column({ type: 'text' })
  signature: string;

  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  facts: string[];

  @Column({ name: 'joined_with', type: 'text', nullable: true })
  joinedWith: string | null;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A blocking key's posting: `key` finds `recordId` as a candidate. */
@Entity('work_keys')
export class WorkKey {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ name: 'record_id', type: 'text' })
  recordId: string;

  /** The record's signature (twins share it). */
  @Column({ type: 'text' })
  signature: string;
}
