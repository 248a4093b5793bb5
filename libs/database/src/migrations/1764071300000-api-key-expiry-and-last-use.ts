import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys may expire, and remember (to the minute) when they were last accepted. */
export class ApiKeyExpiryAndLastUse1764071300000 implements MigrationInterface {
  name = 'ApiKeyExpiryAndLastUse1764071300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_keys ADD COLUMN expires_at timestamptz`);
    await db.query(`ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz`);
    await db.query(`CREATE INDEX api_keys_partner ON api_keys (partner_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX api_keys_partner');
    await db.query('ALTER TABLE api_keys DROP COLUMN last_used_at');
    await db.query('ALTER TABLE api_keys DROP COLUMN expires_at');
  }
}
