import { cleanText, trimIsbd } from '../text';
import { StringCache } from '../text/string-cache';
import { mayBeLegacyEncoded, repairLegacyEncoding, type LegacyEncoding } from '../vietnamese';

/** A source value after the text rules, and what the legacy-encoding check found. */
export class CleanValue {
  private isbdForm: string | undefined;

  constructor(
    /** NFC, legacy encoding repaired, spaces collapsed. */
    readonly plain: string,
    /** Set when the value was converted from a legacy encoding. */
    readonly converted?: LegacyEncoding,
    /** Set when the value looks legacy-encoded but was left unchanged. */
    readonly suspected?: LegacyEncoding,
  ) {}

  /** `plain` without trailing ISBD punctuation, worked out on first use. */
  get isbd(): string {
    this.isbdForm ??= trimIsbd(this.plain);
    return this.isbdForm;
  }
}

/**
 * Codes, names, places, publishers and subject words repeat across thousands of records,
 * so short values are cleaned once and remembered. Long values (abstracts, notes) are
 * rarely repeated and are not cached.
 */
const cache = new StringCache<CleanValue>(4096);
const CACHEABLE_LENGTH = 60;

/** NFC, legacy-encoding repair and spaces of one source value (see `RecordDraft.text`). */
export function cleanValue(raw: string): CleanValue {
  if (raw.length > CACHEABLE_LENGTH) return computeCleanValue(raw);
  return cache.get(raw, computeCleanValue);
}

function computeCleanValue(raw: string): CleanValue {
  if (!mayBeLegacyEncoded(raw)) return new CleanValue(cleanText(raw));
  const repair = repairLegacyEncoding(raw);
  return new CleanValue(cleanText(repair.text), repair.converted, repair.suspected);
}
