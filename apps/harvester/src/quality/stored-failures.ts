import type { DataSource } from 'typeorm';
import type { RunError } from '@hop-luu/harvest-runs';
import {
  FAILURE_IDENTIFIERS_SHOWN,
  mergeFailures,
  type FailureGroup,
  type SampledFailure,
} from '@hop-luu/quality';

/**
 * Every record of the source that is not in the catalogue because it failed: the raw records
 * whose normalisation failed (all of them, exactly counted by code: each stays failed until
 * the source sends a version that normalises), plus the records of the finished run that
 * never became raw records — the OAI client could not read them, or Elasticsearch refused
 * them — which only the run's error sample (first 100 errors) names.
 */
export async function failuresOf(
  database: DataSource,
  sourceId: string,
  runErrors: readonly RunError[],
): Promise<FailureGroup[]> {
  const stored: { code: string; count: number; identifiers: string[] }[] = await database.query(
    `SELECT code, count(*)::int AS count,
            (array_agg(oai_identifier ORDER BY oai_identifier) FILTER (WHERE rank <= $2)) AS identifiers
       FROM (SELECT normalize_error_code AS code, oai_identifier,
                    row_number() OVER (PARTITION BY normalize_error_code ORDER BY oai_identifier) AS rank
               FROM raw_records
              WHERE source_id = $1 AND normalize_error_code IS NOT NULL) failed
      GROUP BY code`,
    [sourceId, FAILURE_IDENTIFIERS_SHOWN],
  );
  const recordErrors = runErrors.filter((error) => isRecordError(error));
  const storedIds = await failingRawRecords(
    database,
    sourceId,
    recordErrors.flatMap((error) => (error.identifier ? [error.identifier] : [])),
  );
  const sampled: SampledFailure[] = recordErrors
    .filter((error) => error.identifier === undefined || !storedIds.has(error.identifier))
    .map(({ code, identifier }) => ({ code, identifier }));
  return mergeFailures(stored, sampled);
}

/**
 * Errors about one record: those with its identifier, and the unreadable ones whose header
 * could not be read either. Source-wide warnings and list errors are the run's, not a record's.
 */
function isRecordError(error: RunError): boolean {
  return error.identifier !== undefined || error.code === 'UNREADABLE_RECORD';
}

async function failingRawRecords(
  database: DataSource,
  sourceId: string,
  identifiers: string[],
): Promise<Set<string>> {
  if (identifiers.length === 0) return new Set();
  const rows: { oai_identifier: string }[] = await database.query(
    `SELECT oai_identifier FROM raw_records
      WHERE source_id = $1 AND oai_identifier = ANY($2) AND normalize_error_code IS NOT NULL`,
    [sourceId, identifiers],
  );
  return new Set(rows.map((row) => row.oai_identifier));
}
