import { letterInfo, VOWELS, type LetterInfo } from './letters';

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
/** Nuclei that never end a syllable. */
const CLOSED_ONLY = new Set(['ă', 'â', 'iê', 'yê', 'uô', 'ươ', 'uyê', 'oă', 'uâ']);
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
 * final, at most one tone, glide-final nuclei open, 'iê'-type nuclei closed, and only
 * sắc/nặng before a stop. Used to tell legacy-encoding mojibake from real text.
 */
export function isVietnameseSyllable(word: string): boolean {
  const letters = lettersOf(word);
  if (!letters || letters.length === 0) return false;
  const tones = letters.filter((l) => l.tone > 0);
  if (tones.length > 1) return false;
  const parts = splitSyllable(letters.map((l) => l.base).join(''));
  if (!parts) return false;
  const closed = parts.final !== '';
  if (closed ? OPEN_ONLY.has(parts.nucleus) : CLOSED_ONLY.has(parts.nucleus)) return false;
  return !STOP_FINALS.has(parts.final) || STOP_TONES.has(tones[0]?.tone ?? 0);
}
