import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Works (issue 16): each record's work and the evidence for it, the blocking keys that find a
 * record's candidates, curators' split/merge decisions, and identifiers seen on records with
 * clearly different titles (listed for staff). Owned by libs/works.
 */
export class Works1764095000000 implements MigrationInterface {
  name = 'Works1764095000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE work_records (
        record_id text PRIMARY KEY,
        source_id varchar(64) NOT NULL,
        work_id text NOT NULL,
        profile jsonb NOT NULL,
        rule text NOT NULL,
        facts jsonb NOT NULL DEFAULT '[]',
        joined_with text,
        decision_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX work_records_work ON work_records (work_id)`);
    await db.query(`CREATE INDEX work_records_source ON work_records (source_id)`);
    await db.query(`
      CREATE TABLE work_keys (
        key text NOT NULL,
        record_id text NOT NULL,
        PRIMARY KEY (key, record_id)
      )`);
    await db.query(`CREATE INDEX work_keys_record ON work_keys (record_id)`);
    await db.query(`
      CREATE TABLE work_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('split', 'merge')),
        record_ids text[] NOT NULL,
        reason text NOT NULL,
        decided_by uuid,
        decided_by_name text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        undone_at timestamptz,
        undone_by_name text
      )`);
    await db.query(`CREATE INDEX work_decisions_records ON work_decisions USING gin (record_ids)`);
    await db.query(`CREATE INDEX work_decisions_decided ON work_decisions (decided_at DESC, id)`);
    await db.query(`
      CREATE TABLE untrusted_identifiers (
        identifier text PRIMARY KEY,
        titles text[] NOT NULL,
        record_ids text[] NOT NULL,
        first_seen timestamptz NOT NULL DEFAULT now(),
        last_seen timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE untrusted_identifiers');
    await db.query('DROP TABLE work_decisions');
    await db.query('DROP TABLE work_keys');
    await db.query('DROP TABLE work_records');
  }
}
