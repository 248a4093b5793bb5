import { repairLegacyEncoding, type LegacyEncoding } from '../vietnamese/legacy/repair';
import { repairDoubleUtf8 } from './double-utf8';
import { mayBeLatin1Reading, WINDOWS_1252_EXTRA } from './latin1-reading';

/** A repair `repairText` can make: a legacy Vietnamese encoding, or double-encoded UTF-8. */
export type TextFix = LegacyEncoding | 'double-utf8';

/** Outcome of `repairText`. */
export interface RepairedText {
  /** The repaired text, or the input unchanged. */
  readonly text: string;
  /** Repairs made, in the order they were made. */
  readonly fixes: readonly TextFix[];
  /** Damage seen but not repaired, because the evidence was not strong enough. */
  readonly suspected: readonly TextFix[];
}

const NONE: readonly TextFix[] = [];
const COMBINING = /[\u0300-\u036f]/;
/**
 * In real Unicode text, what can still need a look: combining marks (decomposed mojibake)
 * or a UTF-8 lead byte read as Latin-1 before a continuation byte (double-encoded text
 * beside real letters). One scan, so most Vietnamese text is passed after two regexes.
 */
const UNICODE_SUSPECT = new RegExp(
  `[\\u0300-\\u036f]|[\\u00c2-\\u00f4][\\u0080-\\u00bf${WINDOWS_1252_EXTRA}]`,
);
const UNCHANGED = (text: string): RepairedText => ({ text, fixes: NONE, suspected: NONE });
const NON_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex -- the ASCII range

/**
 * Repairs text that reached us through a wrong decoding, and only when the evidence is
 * strong (see `repairDoubleUtf8` and `repairLegacyEncoding`): double-encoded UTF-8 first,
 * then TCVN3/VNI (VNI text that was then double-encoded comes back in two steps). ASCII
 * text is returned at once; so is nearly all Unicode text, after two regexes.
 */
export function repairText(raw: string): RepairedText {
  if (!NON_ASCII.test(raw)) return UNCHANGED(raw);
  if (!mayBeLatin1Reading(raw) && !UNICODE_SUSPECT.test(raw)) return UNCHANGED(raw);
  const double = repairDoubleUtf8(composedMojibake(raw));
  const legacy = repairLegacyEncoding(double.text);
  if (!double.repaired && !double.suspected && !legacy.converted && !legacy.suspected) {
    return UNCHANGED(raw);
  }
  const fixes: TextFix[] = [];
  const suspected: TextFix[] = [];
  if (double.repaired) fixes.push('double-utf8');
  if (double.suspected) suspected.push('double-utf8');
  if (legacy.converted) fixes.push(legacy.converted);
  if (legacy.suspected) suspected.push(legacy.suspected);
  return { text: legacy.text, fixes, suspected };
}

/**
 * Mojibake that some system decomposed ('ViÖt' with ö as o + U+0308) is composed first,
 * as the text rules would, so the repairs see the characters the Latin-1 reading made.
 */
function composedMojibake(raw: string): string {
  if (!COMBINING.test(raw) || mayBeLatin1Reading(raw)) return raw;
  const nfc = raw.normalize('NFC');
  return mayBeLatin1Reading(nfc) ? nfc : raw;
}

/** The warning a record gets for a repair of one of its fields. */
export function fixWarning(fix: TextFix): string {
  return fix === 'double-utf8'
    ? 'repaired double-encoded UTF-8 (UTF-8 read as Windows-1252)'
    : `converted from ${fix.toUpperCase()} encoding`;
}

/** The warning a record gets for damage seen in one of its fields and left as sent. */
export function suspicionWarning(fix: TextFix): string {
  return fix === 'double-utf8'
    ? 'looks like double-encoded UTF-8 but cannot be repaired as a whole; left unchanged'
    : `looks like ${fix.toUpperCase()}-encoded text; left unchanged`;
}
