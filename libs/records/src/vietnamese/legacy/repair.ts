import { isVietnameseSyllable } from '../syllable';
import { VIETNAMESE_ONLY } from '../letters';
import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';

/** Legacy Vietnamese encodings we can undo. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** Outcome of `repairLegacyEncoding`. */
export interface LegacyRepair {
  /** Converted text, or the input unchanged. */
  readonly text: string;
  /** Set when the text was converted. */
  readonly converted?: LegacyEncoding;
  /** Set when the text looks legacy-encoded but not confidently enough to convert. */
  readonly suspected?: LegacyEncoding;
}

const DECODERS: ReadonlyArray<readonly [LegacyEncoding, (s: string) => string]> = [
  ['tcvn3', decodeTcvn3],
  ['vni', decodeVni],
];
const LATIN1_HIGH = /[\u00a0-\u00ff]/;
const SEPARATORS = /[\s,.;:!?()"[\]/\-–—]+/;
/** Share of changed words that must turn into real syllables before we convert. */
const CONFIDENCE = 0.8;

/**
 * Detects TCVN3 / VNI text that arrived as Latin-1 mojibake and converts it when confident.
 *
 * Heuristic: decode with each table and compare word by word. A word "fixed" by a decoder
 * was not a Vietnamese syllable before and is one after ('ViÖt' → 'Việt'); a word "broken"
 * changed but is not a syllable after, or already was one before ('phê' would become
 * 'phờ' under TCVN3). Convert when at least one word is fixed and ≥ 80% of changed words
 * are fixed; when some are fixed but fewer, report a suspicion instead. Text that already
 * holds Vietnamese-only Unicode letters (ơ, ư, đ, ạ...) is real Unicode and is left alone.
 */
export function repairLegacyEncoding(text: string): LegacyRepair {
  if (!mayBeLegacyEncoded(text)) return { text };
  let best:
    { encoding: LegacyEncoding; decoded: string; fixed: number; broken: number } | undefined;
  for (const [encoding, decode] of DECODERS) {
    const decoded = decode(text);
    if (decoded === text) continue;
    const { fixed, broken } = compareWords(text, decoded);
    if (!best || fixed > best.fixed) best = { encoding, decoded, fixed, broken };
  }
  if (!best || best.fixed === 0) return { text };
  if (best.fixed / (best.fixed + best.broken) >= CONFIDENCE) {
    return { text: best.decoded, converted: best.encoding };
  }
  return { text, suspected: best.encoding };
}

/**
 * Cheap pre-check: mojibake has Latin-1 letters, no Vietnamese-only letters, and at least
 * one word with a Latin-1 letter that is not already a Vietnamese syllable (only such a
 * word can be "fixed"; 'Hoàng' or 'Lê' written with Latin-1 letters are fine as they are).
 */
export function mayBeLegacyEncoded(text: string): boolean {
  if (!LATIN1_HIGH.test(text) || VIETNAMESE_ONLY.test(text)) return false;
  return text
    .split(SEPARATORS)
    .some((word) => LATIN1_HIGH.test(word) && !isVietnameseSyllable(word));
}

function compareWords(before: string, after: string): { fixed: number; broken: number } {
  const a = before.split(SEPARATORS);
  const b = after.split(SEPARATORS);
  let fixed = 0;
  let broken = 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i] === b[i]) continue;
    if (!isVietnameseSyllable(a[i]) && isVietnameseSyllable(b[i])) fixed++;
    else broken++;
  }
  return { fixed, broken };
}
