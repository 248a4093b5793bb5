import type { QualityField, QualityReport } from '@hop-luu/quality';

/** A sharp fall of one field's share between two reports (stored with a QUALITY_DROP incident). */
export interface QualityDrop {
  readonly field: QualityField;
  /** Share before the drop, 0–1. */
  readonly before: number;
  /** Share in the report that showed the drop, 0–1. */
  readonly after: number;
}

/** A fall of at least this much (20 percentage points) is sharp. */
export const SHARP_DROP = 0.2;
/** Below this many records a few changed records move shares by chance. */
export const MIN_RECORDS = 10;
/** A dropped share back within this of its level before the drop has recovered. */
export const RECOVERY_MARGIN = 0.05;

/**
 * The sharpest fall of a field's share (title, creator, year, ISBN/ISSN, subject, language)
 * from the previous report to this one, when it is at least SHARP_DROP; null otherwise, or when
 * either report has fewer than MIN_RECORDS records.
 */
export function findQualityDrop(
  report: QualityReport,
  previous: QualityReport | null,
): QualityDrop | null {
  if (!previous || previous.records < MIN_RECORDS || report.records < MIN_RECORDS) return null;
  let sharpest: QualityDrop | null = null;
  for (const now of report.shares) {
    const before = previous.shares.find((s) => s.field === now.field)?.share;
    if (before === undefined || before - now.share < SHARP_DROP) continue;
    if (!sharpest || before - now.share > sharpest.before - sharpest.after)
      sharpest = { field: now.field, before, after: now.share };
  }
  return sharpest;
}

/** True when the dropped field's share is back near its level before the drop. */
export function hasRecovered(drop: QualityDrop, report: QualityReport): boolean {
  const share = report.shares.find((s) => s.field === drop.field)?.share ?? 0;
  return share >= drop.before - RECOVERY_MARGIN;
}
