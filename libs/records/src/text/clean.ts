const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
/**
 * Text made only of printable characters below U+0300 (none decomposes or combines) and precomposed
 * Vietnamese letters (U+1EA0–U+1EF9) is NFC already: the usual case, and normalize() is
 * not free.
 */
const ALREADY_NFC = /^[\u0020-\u02ff\u1ea0-\u1ef9]*$/;
/** Anything besides single plain spaces between words: runs, tabs, NBSP, invisible characters. */
/* eslint-disable no-control-regex -- finding and removing control characters is the point */
const NEEDS_SPACING =
  / {2}|[\u0000-\u001f\u007f\u00a0\u00ad\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200c-\u200f\ufeff]/g;
/* eslint-enable no-control-regex */

/** NFC (decomposed input from some systems becomes composed), one space between words. */
export function cleanText(raw: string): string {
  if (ASCII_PRINTABLE.test(raw))
    return (raw.includes('  ') ? raw.replace(/ {2,}/g, ' ') : raw).trim();
  const nfc = ALREADY_NFC.test(raw) ? raw : raw.normalize('NFC');
  if (!NEEDS_SPACING.test(nfc)) return nfc.trim();
  return nfc.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}
