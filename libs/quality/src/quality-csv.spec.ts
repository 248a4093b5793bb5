import { parse } from 'csv-parse/sync';
import { buildQualityReport } from './quality-report';
import { qualityCsv } from './quality-csv';

const report = buildQualityReport({
  computedAt: new Date('2026-12-03T10:00:00Z'),
  runId: 'run-1',
  records: 4,
  fieldCounts: { TITLE: 4 },
  encodingCounts: { VNI: 1 },
  encodingExamples: {
    VNI: [
      {
        identifier: 'oai:x:1',
        field: 'dc:title',
        before: 'Vieät Nam, "quoc"\nngu',
        after: '=HYPERLINK("http://evil")',
      },
    ],
  },
  failures: [{ code: 'MALFORMED_XML', count: 1, identifiers: ['oai:x:7'] }],
  distinctWorks: 3,
  sharedWorkRecords: 1,
});

describe('qualityCsv', () => {
  const csv = qualityCsv('tv-hue', report);

  it('starts with a UTF-8 byte order mark and a header, and ends rows with CRLF', () => {
    expect(csv.startsWith('\uFEFFsection,item,count,share,identifier,field,before,after\r\n')).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks so a CSV reader gets the values back', () => {
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    const example = rows.find((row) => row.section === 'encodingExample');
    expect(example).toMatchObject({
      item: 'VNI',
      identifier: 'oai:x:1',
      before: 'Vieät Nam, "quoc"\nngu',
    });
    expect(rows.find((row) => row.item === 'sharedWorks')).toMatchObject({
      count: '1',
      share: '0.25',
    });
    expect(rows.find((row) => row.section === 'failedRecord')).toMatchObject({
      item: 'MALFORMED_XML',
      identifier: 'oai:x:7',
    });
    expect(rows.filter((row) => row.section === 'field').map((row) => row.item)).toEqual([
      'TITLE',
      'CREATOR',
      'YEAR',
      'ISBN_ISSN',
      'SUBJECT',
      'LANGUAGE',
    ]);
  });

  it('keeps text that would start a spreadsheet formula as text', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
