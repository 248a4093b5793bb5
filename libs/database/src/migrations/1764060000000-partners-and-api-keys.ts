import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partners (libraries and staff), their hashed API keys, and source ownership. */
export class PartnersAndApiKeys1764060000000 implements MigrationInterface {
  name = 'PartnersAndApiKeys1764060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('partner','staff')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        prefix text NOT NULL UNIQUE,
        secret_hash char(64) NOT NULL,
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(
      `ALTER TABLE sources ADD CONSTRAINT sources_owner_fk FOREIGN KEY (owner_id) REFERENCES partners(id) ON DELETE SET NULL`,
    );
    await db.query(`CREATE INDEX sources_owner ON sources (owner_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX sources_owner');
    await db.query('ALTER TABLE sources DROP CONSTRAINT sources_owner_fk');
    await db.query('DROP TABLE api_keys');
    await db.query('DROP TABLE partners');
  }
}
