import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WorkDecisionKind = 'split' | 'merge';

/**
 * A curator's decision: split (record_ids[0] stands alone) or merge (the works holding
 * record_ids become one). Active until undone; every component computation reads the active ones.
 */
@Entity('work_decisions')
export class WorkDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: WorkDecisionKind;

  @Column({ name: 'record_ids', type: 'text', array: true })
  recordIds: string[];

  @Column({ type: 'text' })
  reason: string;

  /** The signed-in person's id; null when staff decided with an API key. */
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_by_name', type: 'text' })
  decidedByName: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt: Date | null;

  @Column({ name: 'undone_by_name', type: 'text', nullable: true })
  undoneByName: string | null;
}

/** An identifier seen on records whose titles clearly disagree: not trusted, listed for staff. */
@Entity('untrusted_identifiers')
export class UntrustedIdentifier {
  @Column({ type: 'text', primary: true })
  identifier: string;

  @Column({ type: 'text', array: true })
  titles: string[];

  @Column({ name: 'record_ids', type: 'text', array: true })
  recordIds: string[];

  @Column({ name: 'first_seen', type: 'timestamptz' })
  firstSeen: Date;

  @Column({ name: 'last_seen', type: 'timestamptz' })
  lastSeen: Date;
}
