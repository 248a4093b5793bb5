import { MigrationInterface, QueryRunner } from 'typeorm';

/** How many invalid UTF-8 byte sequences a run's responses had (each became U+FFFD). */
export class RunInvalidBytes1764080000000 implements MigrationInterface {
  name = 'RunInvalidBytes1764080000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE harvest_runs ADD COLUMN invalid_bytes_replaced int NOT NULL DEFAULT 0`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE harvest_runs DROP COLUMN invalid_bytes_replaced');
  }
}
