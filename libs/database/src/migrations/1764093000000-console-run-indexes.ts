import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's figures read runs by when they ended (harvest statistics over the last days)
 * and by when they were queued across every source (runs today); without these, each
 * overview would scan every run ever kept.
 */
export class ConsoleRunIndexes1764093000000 implements MigrationInterface {
  name = 'ConsoleRunIndexes1764093000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX harvest_runs_finished ON harvest_runs (finished_at) WHERE finished_at IS NOT NULL`,
    );
    await db.query(`CREATE INDEX harvest_runs_queued_at ON harvest_runs (queued_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX harvest_runs_queued_at');
    await db.query('DROP INDEX harvest_runs_finished');
  }
}
