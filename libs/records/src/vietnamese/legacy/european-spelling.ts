import { isTcvn3Code } from './tcvn3';
import { isVniLetter, isVniPair } from './vni';

/**
 * Marks of mojibake: things no European spelling does, so a word that shows one cannot be
 * German, French, Czech, Polish... text read as it was written. Legacy-Vietnamese repair
 * needs such a word before it changes anything. A word without a mark may be real text
 * however odd it looks to us ('Maß', 'Loïc', 'où', 'TGF-ß'), and is treated as such.
 */

const VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿ]/i;
const LETTER = /[A-Za-zÀ-ÖØ-öø-ÿ]/;
const UPPER_NON_ASCII = /[À-ÖØ-Þ]/;
const LOWER = /[a-zß-öø-ÿ]/;
/** TCVN3 codes that are symbols in Latin-1 (µ and ª are letters there, but never inside a word). */
const TCVN3_SYMBOL = /[\u00a1-\u00be×÷]/;
/** Symbols a European text may put next to a word: quotes first or last, µ before a unit. */
const EDGE_SYMBOL_AT_START = '«¡µ';
const EDGE_SYMBOL_AT_END = '»';

/** True when `word`, read as Latin-1, shows a mark of TCVN3 mojibake. */
export function hasTcvn3Mark(word: string): boolean {
  if (![...word].some(isTcvn3Code) || !LETTER.test(word)) return false;
  // 'chñ' (chủ): every European word of two letters or more has a vowel.
  if (!VOWEL.test(word) && word.length > 1) return true;
  const lower = LOWER.test(word);
  for (let i = 0; i < word.length; i++) if (isTcvn3MarkAt(word, i, lower)) return true;
  return false;
}

function isTcvn3MarkAt(word: string, i: number, lower: boolean): boolean {
  const ch = word[i];
  if (TCVN3_SYMBOL.test(ch) && isTcvn3Code(ch)) {
    // '§¹i', 'x·', 'Gi¸o', 'tr\u00adêng' (a soft hyphen is ư): a symbol inside a word.
    if (i === 0 && EDGE_SYMBOL_AT_START.includes(ch)) return false;
    return !(i === word.length - 1 && EDGE_SYMBOL_AT_END.includes(ch));
  }
  // 'ViÖt', 'LÞch', 'ChÝ': a capital inside a word that has small letters.
  if (i > 0 && lower && UPPER_NON_ASCII.test(ch)) return true;
  if (ch === 'þ' || ch === 'Þ') return i > 0; // Icelandic þ starts words; TCVN3 ỵ/ị do not
  // German ß follows a vowel (Maß, Straße); TCVN3 ò follows a consonant (bß).
  if (ch === 'ß') return i > 0 ? !VOWEL.test(word[i - 1]) : word.length > 1;
  return false;
}

/**
 * Vowel + accented vowel pairs of European words that VNI would read as one syllable:
 * 'Loïc' (Lọc), 'Thaï' (Thạ), 'où' (ó), 'più' (pí), Spanish 'aún' (ẳn), and the Dutch and
 * Catalan diaeresis. Other European pairs ('goût', 'Raúl', 'Noël', 'aéroport') never decode
 * into a syllable, so they need no place here. Any other vowel + VNI modifier pair ('oä',
 * 'aø', 'uû', 'eä', 'oá') is not European spelling.
 */
const EUROPEAN_PAIRS = new Set(['aï', 'eï', 'oï', 'uï', 'où', 'iù', 'aú']);

/** True when `word`, read as Latin-1, shows a mark of VNI mojibake. */
export function hasVniMark(word: string): boolean {
  let codes = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (isVniLetter(ch)) codes++;
    if (i + 1 < word.length && isVniPair(ch, word[i + 1])) {
      if (!EUROPEAN_PAIRS.has((ch + word[i + 1]).toLowerCase())) return true;
      codes++;
      i++;
    }
  }
  return codes >= 2; // 'Tröôøng': several VNI codes in one word
}
