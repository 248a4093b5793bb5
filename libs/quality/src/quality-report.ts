import {
  ENCODING_KINDS,
  QUALITY_FIELDS,
  type EncodingKind,
  type QualityField,
} from './quality-terms';

/** Share of a source's records that have one field. */
export interface FieldShare {
  readonly field: QualityField;
  /** Records with the field. */
  readonly count: number;
  /** count / records, 0–1 (0 when the source has no records). */
  readonly share: number;
}

/** One value with an encoding problem, as the source sent it and as it is catalogued. */
export interface EncodingExample {
  readonly identifier: string;
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** Records of a source with one kind of encoding problem, and a few examples. */
export interface EncodingRepairCount {
  readonly kind: EncodingKind;
  readonly count: number;
  readonly examples: readonly EncodingExample[];
}

/** Records that could not be catalogued, by error code, with their OAI identifiers (capped). */
export interface FailureGroup {
  readonly code: string;
  readonly count: number;
  readonly identifiers: readonly string[];
}

/** The data-quality report of one source, as stored after a run and shown by the API. */
export interface QualityReport {
  readonly computedAt: string;
  /** The run after which it was computed. */
  readonly runId: string | null;
  /** Records of the source in the catalogue. */
  readonly records: number;
  readonly shares: readonly FieldShare[];
  readonly encodingRepairs: readonly EncodingRepairCount[];
  readonly failures: readonly FailureGroup[];
  /** Records that repeat a work already catalogued from the same source (records − distinct works). */
  readonly duplicatesInSource: number;
  /** Records whose work is also held by another source. */
  readonly sharedWorkRecords: number;
  /** sharedWorkRecords / records, 0–1. */
  readonly sharedWorksShare: number;
}

/** What the harvester counted for one source, from which the report is built. */
export interface QualityCounts {
  readonly computedAt: Date;
  readonly runId: string | null;
  readonly records: number;
  readonly fieldCounts: Partial<Record<QualityField, number>>;
  readonly encodingCounts: Partial<Record<EncodingKind, number>>;
  readonly encodingExamples: Partial<Record<EncodingKind, readonly EncodingExample[]>>;
  readonly failures: readonly FailureGroup[];
  /** Distinct works (`work.id`, from works matching) among the source's records. */
  readonly distinctWorks: number;
  readonly sharedWorkRecords: number;
}

export function buildQualityReport(counts: QualityCounts): QualityReport {
  const { records } = counts;
  return {
    computedAt: counts.computedAt.toISOString(),
    runId: counts.runId,
    records,
    shares: QUALITY_FIELDS.map((field) => {
      const count = counts.fieldCounts[field] ?? 0;
      return { field, count, share: shareOf(count, records) };
    }),
    encodingRepairs: ENCODING_KINDS.flatMap((kind) => {
      const count = counts.encodingCounts[kind] ?? 0;
      return count > 0 ? [{ kind, count, examples: counts.encodingExamples[kind] ?? [] }] : [];
    }),
    failures: counts.failures,
    // A cardinality count can overshoot a little on very large sources: never below zero.
    duplicatesInSource: Math.max(0, records - counts.distinctWorks),
    sharedWorkRecords: counts.sharedWorkRecords,
    sharedWorksShare: shareOf(counts.sharedWorkRecords, records),
  };
}

/** Four decimals: enough for a percentage with two, and stable in stored reports. */
function shareOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 10_000) / 10_000;
}
