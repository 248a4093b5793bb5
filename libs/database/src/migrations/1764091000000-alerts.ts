import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts: incidents of a source (one open per source and kind, which is what makes "one message
 * per incident" hold across replicas), the webhooks that hear of them, and the days whose digest
 * went out (so a restart or a second replica never sends one twice).
 */
export class Alerts1764091000000 implements MigrationInterface {
  name = 'Alerts1764091000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert_incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id varchar(64) NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('RUN_FAILED','RUN_PARTIAL','STALE','QUALITY_DROP')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        first_run_id uuid,
        last_run_id uuid,
        resolved_by_run_id uuid,
        error_code text,
        summary text NOT NULL,
        notified_at timestamptz,
        recovery_notified_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX alert_incidents_one_open ON alert_incidents (source_id, kind) WHERE resolved_at IS NULL`,
    );
    await db.query(`CREATE INDEX alert_incidents_opened ON alert_incidents (opened_at DESC)`);
    await db.query(`
      CREATE TABLE alert_webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        partner_id uuid REFERENCES partners(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE alert_digest_days (
        day date PRIMARY KEY,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE alert_digest_days');
    await db.query('DROP TABLE alert_webhooks');
    await db.query('DROP TABLE alert_incidents');
  }
}
