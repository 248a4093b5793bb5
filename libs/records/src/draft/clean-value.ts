import { cleanText, trimIsbd } from '../text';
import { StringCache } from '../text/string-cache';
import { repairText, type TextFix } from '../text-repair';

/** A source value after the text rules, and what the encoding repair found. */
export class CleanValue {
  private isbdForm: string | undefined;

  constructor(
    /** NFC, encoding repaired, spaces collapsed. */
    readonly plain: string,
    /** Repairs made to the value (legacy Vietnamese encodings, double-encoded UTF-8). */
    readonly fixes: readonly TextFix[],
    /** Damage seen in the value but left as sent. */
    readonly suspected: readonly TextFix[],
    /** The value came decomposed (combining marks NFC composes), e.g. from a Mac or an old DSpace. */
    readonly decomposed: boolean,
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

/** NFC, encoding repair and spaces of one source value (see `RecordDraft.text`). */
export function cleanValue(raw: string): CleanValue {
  if (raw.length > CACHEABLE_LENGTH) return computeCleanValue(raw);
  return cache.get(raw, computeCleanValue);
}

const COMBINING = /[\u0300-\u036f]/;

function computeCleanValue(raw: string): CleanValue {
  const repaired = repairText(raw);
  const text = repaired.text;
  // normalize() only for values with combining marks: rare, and the test is one regex.
  const decomposed = COMBINING.test(text) && text.normalize('NFC') !== text;
  return new CleanValue(cleanText(text), repaired.fixes, repaired.suspected, decomposed);
}
