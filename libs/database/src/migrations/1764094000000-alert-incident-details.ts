import { MigrationInterface, QueryRunner } from 'typeorm';

/** What an incident needs to know to end: for QUALITY_DROP, the field and its share before the drop. */
export class AlertIncidentDetails1764094000000 implements MigrationInterface {
  name = 'AlertIncidentDetails1764094000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE alert_incidents ADD COLUMN details jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE alert_incidents DROP COLUMN details');
  }
}
