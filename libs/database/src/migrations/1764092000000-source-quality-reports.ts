import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data-quality reports (libs/quality): the latest report of each source and the one before it
 * (so a sharp drop shows), and the code of a raw record's normalisation failure, so failures
 * can be counted by code without normalising again.
 */
export class SourceQualityReports1764092000000 implements MigrationInterface {
  name = 'SourceQualityReports1764092000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE source_quality_reports (
        source_id varchar(64) PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        run_id uuid,
        computed_at timestamptz NOT NULL,
        report jsonb NOT NULL,
        previous jsonb
      )`);
    await db.query(`ALTER TABLE raw_records ADD COLUMN normalize_error_code text`);
    // Failures stored before this column: their message ends with the advice of their code.
    await db.query(`
      UPDATE raw_records SET normalize_error_code = CASE
        WHEN normalize_error LIKE '%every record needs sourceId%' THEN 'INVALID_INPUT'
        WHEN normalize_error LIKE '%re-harvest the record with GetRecord%' THEN 'MISSING_METADATA'
        WHEN normalize_error LIKE '%should be a few kilobytes%' THEN 'TOO_LARGE'
        WHEN normalize_error LIKE '%nests elements that deep%' THEN 'XML_TOO_DEEP'
        WHEN normalize_error LIKE '%DOCTYPE declarations are refused%' THEN 'DOCTYPE_FORBIDDEN'
        WHEN normalize_error LIKE '%harvest with metadataPrefix oai_dc%' THEN 'UNKNOWN_FORMAT'
        WHEN normalize_error LIKE '%report the source with the record identifier%' THEN 'MALFORMED_XML'
        ELSE 'INTERNAL' END
      WHERE normalize_error IS NOT NULL`);
    await db.query(
      `CREATE INDEX raw_records_failed ON raw_records (source_id, normalize_error_code)
         WHERE normalize_error_code IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX raw_records_failed');
    await db.query('ALTER TABLE raw_records DROP COLUMN normalize_error_code');
    await db.query('DROP TABLE source_quality_reports');
  }
}
