import { stringify } from 'csv-stringify/sync';
import type { QualityReport } from './quality-report';

/** Columns of the CSV: one row per figure, example or failed record. */
export const QUALITY_CSV_COLUMNS = [
  'section',
  'item',
  'count',
  'share',
  'identifier',
  'field',
  'before',
  'after',
] as const;

type Row = Partial<Record<(typeof QUALITY_CSV_COLUMNS)[number], string | number>>;

/** Text a spreadsheet would run as a formula (feeds are untrusted: '=HYPERLINK(…)' in a title). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The report as RFC 4180 CSV (CRLF, quoted where needed) with a UTF-8 byte order mark, so a
 * spreadsheet opens the Vietnamese text as UTF-8. Text that would start a formula gets a
 * leading apostrophe, which spreadsheets show as text.
 */
export function qualityCsv(sourceId: string, report: QualityReport): string {
  return stringify(rowsOf(sourceId, report), {
    bom: true,
    header: true,
    columns: [...QUALITY_CSV_COLUMNS],
    record_delimiter: 'windows',
    cast: { string: (value) => (FORMULA_START.test(value) ? `'${value}` : value) },
  });
}

function rowsOf(sourceId: string, report: QualityReport): Row[] {
  return [
    { section: 'summary', item: 'source', identifier: sourceId },
    { section: 'summary', item: 'computedAt', identifier: report.computedAt },
    { section: 'summary', item: 'runId', identifier: report.runId ?? '' },
    { section: 'summary', item: 'records', count: report.records },
    { section: 'summary', item: 'duplicatesInSource', count: report.duplicatesInSource },
    {
      section: 'summary',
      item: 'sharedWorks',
      count: report.sharedWorkRecords,
      share: report.sharedWorksShare,
    },
    ...report.shares.map((s) => ({
      section: 'field',
      item: s.field,
      count: s.count,
      share: s.share,
    })),
    ...report.encodingRepairs.flatMap((repair) => [
      { section: 'encoding', item: repair.kind, count: repair.count },
      ...repair.examples.map((example) => ({
        section: 'encodingExample',
        item: repair.kind,
        identifier: example.identifier,
        field: example.field,
        before: example.before,
        after: example.after,
      })),
    ]),
    ...report.failures.flatMap((failure) => [
      { section: 'failure', item: failure.code, count: failure.count },
      ...failure.identifiers.map((identifier) => ({
        section: 'failedRecord',
        item: failure.code,
        identifier,
      })),
    ]),
  ];
}
