import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Partner, Role } from '@hop-luu/access';

/**
 * Someone who signs in to the console. A partner user acts for its partner library; staff
 * belong to a staff-role partner row, so a signed-in person is an Actor like a key holder.
 */
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case: e-mail addresses are compared without case. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Partner;

  /** argon2id (PHC string); null until the person sets a password from their invitation link. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  /** Wrong passwords in a row since the last successful sign-in. */
  @Column({ name: 'failed_sign_ins', type: 'integer', default: 0 })
  failedSignIns: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Staff who prefer one daily digest of alerts to one mail per incident. */
  @Column({ name: 'alert_digest', type: 'boolean', default: false })
  alertDigest: boolean;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
