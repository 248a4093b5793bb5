import { letterInfo, SHAPED_VOWELS, VOWELS, type LetterInfo } from './letters';

/** A written syllable split into onset, vowel nucleus and final consonant (tone removed). */
export interface SyllableParts {
  readonly initial: string;
  readonly nucleus: string;
  readonly final: string;
}

// prettier-ignore
const INITIALS = new Set([
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh',
  'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
/** Vowel nuclei of standard orthography, after 'gi'/'qu' took their i/u into the onset. */
// prettier-ignore
const NUCLEI = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây',
  'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui',
  'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'yê', 'iêu', 'yêu', 'oai', 'oao', 'oay', 'oeo', 'uây',
  'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu',
]);

/** Nuclei ending in a glide (or ia/ua/ưa) never take a final consonant. */
// prettier-ignore
const OPEN_ONLY = new Set([
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'ưa',
  'ưi', 'ưu', 'iêu', 'yêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyu', 'ươi', 'ươu',
]);
/** Nuclei that never end a syllable ('oo' only in xoong, moóc). */
const CLOSED_ONLY = new Set(['ă', 'â', 'iê', 'yê', 'uô', 'ươ', 'uyê', 'oă', 'uâ', 'oo']);
/** The palatal finals ch/nh follow only these nuclei (sách, ếch, tính, huỳnh, oanh, huênh). */
const BEFORE_PALATAL = new Set(['a', 'ê', 'i', 'y', 'oa', 'uy', 'uê']);
/** ...and these nuclei take ch/nh, never c/ng: there is no 'ing', 'êc', 'uyng'. */
const PALATAL_ONLY = new Set(['ê', 'i', 'y', 'uy', 'uê']);
/** Front vowels: k, gh, ngh come before them, c, ng (and g, except in 'gì') never do. */
const FRONT = 'eêiy';
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);
/** Tones possible on a syllable ending in a stop: none (unaccented data), sắc, nặng. */
const STOP_TONES = new Set([0, 2, 5]);

const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch);

/**
 * Splits a tone-less lower-case syllable. 'gi' and 'qu' count as onsets when a vowel
 * follows ('già' = gi+a, 'quý' = qu+y) but 'gì' is g+i: that is what decides where a tone
 * goes in words like 'gìa' (misplaced) → 'già'.
 */
export function splitSyllable(base: string): SyllableParts | undefined {
  let i = 0;
  while (i < base.length && !isVowel(base[i])) i++;
  let initial = base.slice(0, i);
  if ((initial === 'g' && base[i] === 'i') || (initial === 'q' && base[i] === 'u')) {
    if (isVowel(base[i + 1])) initial = base.slice(0, ++i);
  }
  let j = i;
  while (j < base.length && isVowel(base[j])) j++;
  const parts = { initial, nucleus: base.slice(i, j), final: base.slice(j) };
  if (!INITIALS.has(parts.initial) || !FINALS.has(parts.final) || !NUCLEI.has(parts.nucleus)) {
    return undefined;
  }
  return parts;
}

/** Letters of a word, or undefined when a character is not a Vietnamese/Latin letter. */
export function lettersOf(word: string): LetterInfo[] | undefined {
  const letters: LetterInfo[] = [];
  for (const ch of word) {
    const info = letterInfo(ch);
    if (!info) return undefined;
    letters.push(info);
  }
  return letters;
}

/**
 * True when `word` (NFC) is one well-formed Vietnamese syllable: known onset, nucleus and
 * final; cased as a word is; the onset spelled for its vowel (ki/ghi/nghe but ca/ga/nga); glide-final nuclei
 * open, 'iê'-type nuclei closed, ch/nh only after a/ê/i/y; at most one tone, only sắc/nặng
 * before a stop, and the tone on the vowel a writer puts it on. Used to tell
 * legacy-encoding mojibake from real text, so it errs on the strict side.
 */
export function isVietnameseSyllable(word: string): boolean {
  const letters = lettersOf(word);
  if (!letters || letters.length === 0 || !casedAsWritten(letters)) return false;
  const toned = letters.findIndex((l) => l.tone > 0);
  if (toned !== -1 && letters.findIndex((l, i) => i > toned && l.tone > 0) !== -1) return false;
  const parts = splitSyllable(letters.map((l) => l.base).join(''));
  if (!parts || !rhymeFits(parts) || !onsetFits(parts)) return false;
  if (toned === -1) return true;
  if (STOP_FINALS.has(parts.final) && !STOP_TONES.has(letters[toned].tone)) return false;
  return toneSitsRight(parts, toned - parts.initial.length);
}

/** 'việt', 'Việt' or 'VIỆT'; never 'ViỆt'. */
function casedAsWritten(letters: readonly LetterInfo[]): boolean {
  const rest = letters.slice(1);
  return rest.every((l) => !l.upper) || (letters[0].upper && rest.every((l) => l.upper));
}

function rhymeFits({ nucleus, final }: SyllableParts): boolean {
  if (final === '') return !CLOSED_ONLY.has(nucleus);
  if (OPEN_ONLY.has(nucleus)) return false;
  if (final === 'ch' || final === 'nh') return BEFORE_PALATAL.has(nucleus);
  return !((final === 'c' || final === 'ng') && PALATAL_ONLY.has(nucleus));
}

function onsetFits({ initial, nucleus }: SyllableParts): boolean {
  const front = FRONT.includes(nucleus[0]);
  if (initial === 'k' || initial === 'gh' || initial === 'ngh') return front;
  if (initial === 'c' || initial === 'ng') return !front;
  return initial !== 'g' || !front || nucleus === 'i';
}

/**
 * A writer puts the tone where `toneIndex` says, or, in the open diphthongs oa/oe/uy, on
 * the second vowel (the "new" style: hoà, khoẻ, thuý). Anywhere else ('maò', 'cuả') it is
 * not how a Vietnamese word is written; that is what tells 'Maß' read as TCVN3 from text.
 */
function toneSitsRight({ nucleus, final }: SyllableParts, index: number): boolean {
  if (index === toneIndex(nucleus, final !== '')) return true;
  return final === '' && index === 1 && NEW_STYLE_DIPHTHONGS.has(nucleus);
}

const NEW_STYLE_DIPHTHONGS = new Set(['oa', 'oe', 'uy']);

/**
 * Index inside the nucleus that carries the tone, in the traditional style (see
 * `canonicalizeTones`).
 */
export function toneIndex(nucleus: string, closed: boolean): number {
  // A shaped vowel always wins; in 'ươ' the second one (người, được).
  for (let i = nucleus.length - 1; i >= 0; i--) if (SHAPED_VOWELS.includes(nucleus[i])) return i;
  if (nucleus.length === 1) return 0;
  if (closed) return nucleus.length - 1; // hoàng, toán, huýt
  if (nucleus.length === 3) return 1; // khoái, ngoẹo, khuỷu
  return openDiphthongToneIndex(nucleus);
}

/** Open two-vowel nuclei: traditional style puts the tone on the first (mái, mùa, hòa, thúy). */
function openDiphthongToneIndex(_nucleus: string): number {
  // The "new" style would return 1 for 'oa', 'oe' and 'uy'; we deliberately do not.
  return 0;
}
