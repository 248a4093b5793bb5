import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A raw record's setSpecs as jsonb: the batched upsert sends one JSON array per row, which is
 * now stored as sent instead of being unpacked into text[] on the way in (issue 15, item 2).
 */
export class RawRecordSetSpecsJsonb1764095100000 implements MigrationInterface {
  name = 'RawRecordSetSpecsJsonb1764095100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE raw_records ALTER COLUMN set_specs DROP DEFAULT`);
    await db.query(
      `ALTER TABLE raw_records ALTER COLUMN set_specs TYPE jsonb USING to_jsonb(set_specs)`,
    );
    await db.query(`ALTER TABLE raw_records ALTER COLUMN set_specs SET DEFAULT '[]'::jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE raw_records ALTER COLUMN set_specs DROP DEFAULT`);
    await db.query(
      `ALTER TABLE raw_records ALTER COLUMN set_specs TYPE text[] USING ARRAY(SELECT jsonb_array_elements_text(set_specs))`,
    );
    await db.query(`ALTER TABLE raw_records ALTER COLUMN set_specs SET DEFAULT '{}'`);
  }
}
