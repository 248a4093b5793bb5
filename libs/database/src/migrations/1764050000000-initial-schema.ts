import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sources, harvest runs (also the job queue) and raw records. */
export class InitialSchema1764050000000 implements MigrationInterface {
  name = 'InitialSchema1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sources (
        id varchar(64) PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
        library_name text NOT NULL,
        library_kind text NOT NULL CHECK (library_kind IN ('national','university','provincial','special','other')),
        province text,
        base_url text NOT NULL,
        metadata_prefix text NOT NULL,
        sets text[] NOT NULL DEFAULT '{}',
        schedule text,
        enabled boolean NOT NULL DEFAULT true,
        repository_name text,
        granularity text,
        earliest_datestamp text,
        deleted_record text,
        admin_email text,
        owner_id uuid,
        high_water_mark timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE harvest_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id varchar(64) NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('schedule','manual','resume')),
        mode text NOT NULL CHECK (mode IN ('full','incremental')),
        status text NOT NULL CHECK (status IN ('queued','running','succeeded','partial','failed','cancelled')),
        from_date timestamptz,
        until_date timestamptz,
        resume_token text,
        current_set text,
        resumes_run_id uuid REFERENCES harvest_runs(id) ON DELETE SET NULL,
        server_start_time timestamptz,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        pages int NOT NULL DEFAULT 0,
        records_seen int NOT NULL DEFAULT 0,
        records_indexed int NOT NULL DEFAULT 0,
        records_unchanged int NOT NULL DEFAULT 0,
        records_deleted int NOT NULL DEFAULT 0,
        records_failed int NOT NULL DEFAULT 0,
        bytes bigint NOT NULL DEFAULT 0,
        requests int NOT NULL DEFAULT 0,
        retries int NOT NULL DEFAULT 0,
        last_token text,
        complete_list_size int,
        error_code text,
        error_message text,
        errors jsonb NOT NULL DEFAULT '[]',
        worker text,
        requested_by uuid
      )`);
    await db.query(
      `CREATE INDEX harvest_runs_source_queued ON harvest_runs (source_id, queued_at)`,
    );
    await db.query(
      `CREATE INDEX harvest_runs_queue ON harvest_runs (queued_at) WHERE status = 'queued'`,
    );
    await db.query(
      `CREATE INDEX harvest_runs_active ON harvest_runs (source_id) WHERE status = 'running'`,
    );
    await db.query(`
      CREATE TABLE raw_records (
        id text PRIMARY KEY,
        source_id varchar(64) NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        oai_identifier text NOT NULL,
        metadata_prefix text NOT NULL,
        datestamp text NOT NULL,
        set_specs text[] NOT NULL DEFAULT '{}',
        deleted boolean NOT NULL DEFAULT false,
        metadata_xml text,
        hash char(64) NOT NULL,
        normalize_error text,
        harvested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX raw_records_source ON raw_records (source_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE raw_records');
    await db.query('DROP TABLE harvest_runs');
    await db.query('DROP TABLE sources');
  }
}
