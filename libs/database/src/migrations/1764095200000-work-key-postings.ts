import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding candidates cheaply (issue 16): each key's number of postings kept beside the keys
 * (a key above MAX_KEY_POSTINGS is ignored without counting it every time); each posting
 * marked `identifier` when the key is one of the record's identifiers, and `weak` when its
 * record has at most one key that is not an identifier (see libs/works README, candidates);
 * and the pairs of candidates that match (`work_links`, both directions), so a component is
 * found by following links instead of judging its members again on every batch.
 */
export class WorkKeyPostings1764095200000 implements MigrationInterface {
  name = 'WorkKeyPostings1764095200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE work_keys ADD COLUMN identifier boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE work_keys ADD COLUMN weak boolean NOT NULL DEFAULT false`);
    // A key's postings read from the index alone (no table visit per posting).
    await db.query(`CREATE INDEX work_keys_postings ON work_keys (key) INCLUDE (record_id, weak)`);
    await db.query(`
      CREATE TABLE work_key_counts (
        key text PRIMARY KEY,
        postings integer NOT NULL
      )`);
    await db.query(
      `INSERT INTO work_key_counts (key, postings) SELECT key, count(*) FROM work_keys GROUP BY key`,
    );
    await db.query(`
      CREATE TABLE work_links (
        a text NOT NULL,
        b text NOT NULL,
        PRIMARY KEY (a, b)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE work_links');
    await db.query('DROP TABLE work_key_counts');
    await db.query('DROP INDEX work_keys_postings');
    await db.query('ALTER TABLE work_keys DROP COLUMN weak');
    await db.query('ALTER TABLE work_keys DROP COLUMN identifier');
  }
}
