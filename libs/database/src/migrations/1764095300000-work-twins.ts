import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twins and owned links (issue 16, matching at a union catalogue's scale): each record's
 * profile signature (records equal in every matched field share it, see libs/works README,
 * twins) beside the record and on its key postings, so candidates are judged once per
 * signature; and links read as owned by `a` (the record whose judgement made them), found from
 * `b` too. Rows stored before get their record id as signature: never a twin, as before.
 * And what the indexes still owe: `works_to_publish` marks every work a matching transaction
 * touched until its document is written (a large work's waits, to be written once for many
 * batches), and `work_records.unpublished` every record moved to another work until its
 * document says so; a crash between the commit and the index writes leaves them marked for
 * the next run to write.
 */
export class WorkTwins1764095300000 implements MigrationInterface {
  name = 'WorkTwins1764095300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE work_records ADD COLUMN signature text`);
    await db.query(`UPDATE work_records SET signature = record_id`);
    await db.query(`ALTER TABLE work_records ALTER COLUMN signature SET NOT NULL`);
    await db.query(`ALTER TABLE work_keys ADD COLUMN signature text`);
    await db.query(`UPDATE work_keys SET signature = record_id`);
    await db.query(`ALTER TABLE work_keys ALTER COLUMN signature SET NOT NULL`);
    // The primary key serves the postings lookups (one index fewer to write per posting).
    await db.query(`DROP INDEX work_keys_postings`);
    await db.query(`ALTER TABLE work_keys DROP CONSTRAINT work_keys_pkey`);
    await db.query(
      `ALTER TABLE work_keys ADD CONSTRAINT work_keys_pkey
         PRIMARY KEY (key, record_id) INCLUDE (identifier, weak, signature)`,
    );
    await db.query(`CREATE INDEX work_links_b ON work_links (b)`);
    await db.query(
      `ALTER TABLE work_records ADD COLUMN unpublished boolean NOT NULL DEFAULT false`,
    );
    await db.query(
      `CREATE INDEX work_records_unpublished ON work_records (record_id) WHERE unpublished`,
    );
    await db.query(`CREATE SEQUENCE works_to_publish_seq`);
    await db.query(`
      CREATE TABLE works_to_publish (
        work_id text PRIMARY KEY,
        seq bigint NOT NULL DEFAULT nextval('works_to_publish_seq')
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE works_to_publish`);
    await db.query(`DROP SEQUENCE works_to_publish_seq`);
    await db.query(`ALTER TABLE work_records DROP COLUMN unpublished`);
    await db.query(`DROP INDEX work_links_b`);
    await db.query(`ALTER TABLE work_keys DROP CONSTRAINT work_keys_pkey`);
    await db.query(
      `ALTER TABLE work_keys ADD CONSTRAINT work_keys_pkey PRIMARY KEY (key, record_id)`,
    );
    await db.query(`CREATE INDEX work_keys_postings ON work_keys (key) INCLUDE (record_id, weak)`);
    await db.query(`ALTER TABLE work_keys DROP COLUMN signature`);
    await db.query(`ALTER TABLE work_records DROP COLUMN signature`);
  }
}
