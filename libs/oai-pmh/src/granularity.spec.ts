import {
  datestampProblem,
  formatDatestamp,
  granularityOf,
  nextFrom,
  parseDatestamp,
  truncateToGranularity,
} from './granularity';

describe('granularity helpers (UTC)', () => {
  const instant = new Date('2026-03-01T00:00:07.900Z');

  it('formats both granularities in UTC, truncating', () => {
    expect(formatDatestamp(instant, 'YYYY-MM-DD')).toBe('2026-03-01');
    expect(formatDatestamp(instant, 'YYYY-MM-DDThh:mm:ssZ')).toBe('2026-03-01T00:00:07Z');
  });

  it('parses both forms and rejects invalid dates', () => {
    expect(parseDatestamp('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseDatestamp('2026-03-01T23:59:59Z')?.toISOString()).toBe('2026-03-01T23:59:59.000Z');
    expect(parseDatestamp('2026-02-30')).toBeUndefined();
    expect(parseDatestamp('2026-03-01 10:00')).toBeUndefined();
    expect(parseDatestamp('2026-03-01T10:00:00+07:00')).toBeUndefined();
    expect(granularityOf('2026-03-01')).toBe('YYYY-MM-DD');
    expect(granularityOf('2026-03-01T10:00:00Z')).toBe('YYYY-MM-DDThh:mm:ssZ');
  });

  it('parses the ISO 8601 basic forms (compact datestamps) and explains what it cannot read', () => {
    expect(parseDatestamp('20210311')?.toISOString()).toBe('2021-03-11T00:00:00.000Z');
    expect(parseDatestamp('20210311T101500Z')?.toISOString()).toBe('2021-03-11T10:15:00.000Z');
    expect(parseDatestamp('20210230')).toBeUndefined();
    expect(parseDatestamp('20210311T251500Z')).toBeUndefined();
    expect(datestampProblem('20210311')).toBeUndefined();
    // No time zone: the local time of an unknown place is not guessed at.
    expect(datestampProblem('20210311T1015')).toContain("'20210311T1015' is not a datestamp");
    expect(datestampProblem('2021-03')).toContain('kept as sent');
  });

  it('nextFrom overlaps by one granule and never leaves a gap', () => {
    expect(nextFrom(instant, 'YYYY-MM-DDThh:mm:ssZ').toISOString()).toBe(
      '2026-03-01T00:00:06.000Z',
    );
    // Day granularity crosses the month boundary correctly.
    expect(formatDatestamp(nextFrom(instant, 'YYYY-MM-DD'), 'YYYY-MM-DD')).toBe('2026-02-28');
    expect(nextFrom(instant, 'YYYY-MM-DD').getTime()).toBeLessThan(
      truncateToGranularity(instant, 'YYYY-MM-DD').getTime(),
    );
  });
});
