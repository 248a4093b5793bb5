import type { QualityReport } from '@hop-luu/quality';
import { findQualityDrop, hasRecovered } from './quality-drop';

const report = (records: number, shares: Record<string, number>): QualityReport =>
  ({
    records,
    shares: Object.entries(shares).map(([field, share]) => ({
      field,
      share,
      count: Math.round(share * records),
    })),
  }) as unknown as QualityReport;

describe('a sharp quality drop', () => {
  it('is the largest fall of at least 20 points of one field', () => {
    const before = report(100, { TITLE: 1, CREATOR: 0.9, YEAR: 0.8 });
    const after = report(100, { TITLE: 0.7, CREATOR: 0.2, YEAR: 0.75 });
    expect(findQualityDrop(after, before)).toEqual({ field: 'CREATOR', before: 0.9, after: 0.2 });
  });

  it('is not a small fall, a first report or a tiny source', () => {
    const before = report(100, { TITLE: 1 });
    expect(findQualityDrop(report(100, { TITLE: 0.85 }), before)).toBeNull();
    expect(findQualityDrop(report(100, { TITLE: 0.1 }), null)).toBeNull();
    expect(findQualityDrop(report(5, { TITLE: 0 }), report(5, { TITLE: 1 }))).toBeNull();
  });

  it('ends when the field is back within 5 points of its level before the drop', () => {
    const drop = { field: 'TITLE' as const, before: 0.9, after: 0.3 };
    expect(hasRecovered(drop, report(100, { TITLE: 0.8 }))).toBe(false);
    expect(hasRecovered(drop, report(100, { TITLE: 0.86 }))).toBe(true);
  });
});
