import { letterInfo, VOWELS } from './letters';

/** `letterClass` bit: a letter (Unicode category L, what /\p{L}/u matches). */
export const LETTER = 1;
/** `letterClass` bit: a Vietnamese/Latin letter that `letterInfo` knows. */
export const VIETNAMESE = 2;
/** `letterClass` bit: a vowel, with or without tone, either case. */
export const VOWEL = 4;
/** `letterClass` bit: a letter outside the BMP, two code units long. */
export const ASTRAL = 8;

/** Characters below this have their class in a table: every Vietnamese letter, and all of Latin. */
const TABLE_END = 0x2000;
const TABLE = buildTable();
const ANY_LETTER = /\p{L}/uy;

/**
 * Class bits of the character at `i` (0 when it is not a letter, or past the end). A
 * table lookup for the usual characters, because a regex call per character costs far
 * more than the test itself.
 */
export function letterClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < TABLE_END) return TABLE[c];
  if (Number.isNaN(c)) return 0;
  ANY_LETTER.lastIndex = i;
  if (!ANY_LETTER.test(text)) return 0;
  return ANY_LETTER.lastIndex === i + 2 ? LETTER | ASTRAL : LETTER;
}

function buildTable(): Uint8Array {
  const table = new Uint8Array(TABLE_END);
  const letter = /\p{L}/u;
  for (let c = 0; c < TABLE_END; c++) {
    const ch = String.fromCharCode(c);
    if (!letter.test(ch)) continue;
    const info = letterInfo(ch);
    const vowel = info !== undefined && VOWELS.includes(info.base);
    table[c] = LETTER | (info ? VIETNAMESE : 0) | (vowel ? VOWEL : 0);
  }
  return table;
}
