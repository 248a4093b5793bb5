import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Where incidents are POSTed: a partner's (its own sources) or staff-wide (partnerId null). */
@Entity('alert_webhooks')
export class AlertWebhook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  /** HMAC key of the signature; shown once at creation, kept to sign (so not hashed). */
  @Column({ type: 'text', select: false })
  secret: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
