import { buildQualityReport, type QualityCounts } from './quality-report';
import { FAILURE_IDENTIFIERS_SHOWN, mergeFailures } from './failures';

const counts = (overrides: Partial<QualityCounts> = {}): QualityCounts => ({
  computedAt: new Date('2026-12-03T10:00:00Z'),
  runId: 'run-1',
  records: 8,
  fieldCounts: { TITLE: 8, CREATOR: 6, YEAR: 5, SUBJECT: 1 },
  encodingCounts: { TCVN3: 2, INVALID_BYTES: 1 },
  encodingExamples: {
    TCVN3: [{ identifier: 'oai:x:1', field: 'dc:title', before: 'LÞch sö', after: 'Lịch sử' }],
  },
  failures: [],
  distinctWorks: 6,
  sharedWorkRecords: 2,
  ...overrides,
});

describe('buildQualityReport', () => {
  it('gives every measured field a share, in a fixed order, absent fields at 0', () => {
    const report = buildQualityReport(counts());
    expect(report.shares).toEqual([
      { field: 'TITLE', count: 8, share: 1 },
      { field: 'CREATOR', count: 6, share: 0.75 },
      { field: 'YEAR', count: 5, share: 0.625 },
      { field: 'ISBN_ISSN', count: 0, share: 0 },
      { field: 'SUBJECT', count: 1, share: 0.125 },
      { field: 'LANGUAGE', count: 0, share: 0 },
    ]);
  });

  it('lists only the encoding problems found, each with its examples', () => {
    expect(buildQualityReport(counts()).encodingRepairs).toEqual([
      {
        kind: 'TCVN3',
        count: 2,
        examples: [
          { identifier: 'oai:x:1', field: 'dc:title', before: 'LÞch sö', after: 'Lịch sử' },
        ],
      },
      { kind: 'INVALID_BYTES', count: 1, examples: [] },
    ]);
  });

  it('counts duplicates as records beyond one per work, and the share of shared works', () => {
    const report = buildQualityReport(counts());
    expect(report.duplicatesInSource).toBe(2);
    expect(report.sharedWorksShare).toBe(0.25);
    // an approximate distinct count above the record count never makes duplicates negative
    expect(buildQualityReport(counts({ distinctWorks: 9 })).duplicatesInSource).toBe(0);
  });

  it('answers 0 shares, not NaN, for a source with no records', () => {
    const report = buildQualityReport(
      counts({ records: 0, fieldCounts: {}, distinctWorks: 0, sharedWorkRecords: 0 }),
    );
    expect(report.shares.every((s) => s.share === 0)).toBe(true);
    expect(report.sharedWorksShare).toBe(0);
  });
});

describe('mergeFailures', () => {
  it('adds the sampled failures to the stored ones, each identifier once, largest first', () => {
    const merged = mergeFailures(
      [{ code: 'MALFORMED_XML', count: 1, identifiers: ['oai:x:9'] }],
      [
        { code: 'RECORD_TOO_LARGE', identifier: 'oai:x:2' },
        { code: 'RECORD_TOO_LARGE', identifier: 'oai:x:3' },
        { code: 'RECORD_TOO_LARGE', identifier: 'oai:x:2' },
      ],
    );
    expect(merged).toEqual([
      { code: 'RECORD_TOO_LARGE', count: 2, identifiers: ['oai:x:2', 'oai:x:3'] },
      { code: 'MALFORMED_XML', count: 1, identifiers: ['oai:x:9'] },
    ]);
  });

  it('counts every failure but lists at most 20 identifiers of a code', () => {
    const sampled = Array.from({ length: 30 }, (_, i) => ({
      code: 'UNREADABLE_RECORD',
      identifier: `oai:x:${i}`,
    }));
    const [group] = mergeFailures([], sampled);
    expect(group.count).toBe(30);
    expect(group.identifiers).toHaveLength(FAILURE_IDENTIFIERS_SHOWN);
  });
});
