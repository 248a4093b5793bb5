import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const TOKEN_PURPOSES = ['setup', 'reset'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A password set-up or reset link; only the SHA-256 of its token is kept. */
@Entity('password_tokens')
export class PasswordToken {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  purpose: TokenPurpose;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
