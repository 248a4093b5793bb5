import { StringCache } from '../text/string-cache';
import { ASTRAL, letterClass, VIETNAMESE, VOWEL } from './letter-class';
import { composeLetter, TONED_CHARS } from './letters';
import { lettersOf, splitSyllable, toneIndex } from './syllable';

const HAS_TONE = new RegExp(`[${TONED_CHARS}]`);
/** Syllables repeat endlessly across records; remembering them keeps indexing cheap. */
const placedSyllables = new StringCache<string>(4096);

/**
 * Moves every tone mark to one canonical place so 'hoà'/'hòa', 'thuý'/'thúy' and
 * 'khoẻ'/'khỏe' index as one form. Input must be NFC. Words that are not a single
 * well-formed Vietnamese syllable with exactly one tone (English, French, typos) are left
 * as they are.
 *
 * Canonical style: the traditional one ('hòa', 'thúy', 'khỏe'): the tone of the open
 * diphthongs oa/oe/uy sits on the first vowel. It is what UniKey and most Vietnamese
 * keyboards produce by default, so most catalogue data already uses it; the other
 * ("new", 1984 school) style differs only in those three open diphthongs, see
 * `openDiphthongToneIndex` in syllable.ts.
 */
export function canonicalizeTones(text: string): string {
  if (!HAS_TONE.test(text)) return text;
  // One pass over the characters finds the words (runs of letters, as /\p{L}+/u); text
  // between changed words is copied in slices. A word can change only when all its
  // letters are Vietnamese/Latin and two vowels meet (a tone has no other place to go).
  let placedText = '';
  let copiedTo = 0;
  for (let i = 0; i < text.length;) {
    const start = i;
    let vietnameseLetters = true;
    let twoVowels = false;
    let previous = 0;
    for (let letter = letterClass(text, i); letter !== 0; letter = letterClass(text, i)) {
      vietnameseLetters &&= (letter & VIETNAMESE) !== 0;
      twoVowels ||= (letter & previous & VOWEL) !== 0;
      previous = letter;
      i += letter & ASTRAL ? 2 : 1;
    }
    if (i === start) {
      i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1; // not a letter
      continue;
    }
    if (!vietnameseLetters || !twoVowels) continue;
    const word = text.slice(start, i);
    const placed = cachedPlaceTone(word);
    if (placed === word) continue;
    placedText += text.slice(copiedTo, start) + placed;
    copiedTo = i;
  }
  return copiedTo === 0 ? text : placedText + text.slice(copiedTo);
}

function cachedPlaceTone(word: string): string {
  return placedSyllables.get(word, placeTone);
}

/** The canonical placement in one word (a run of letters); other words come back unchanged. */
export function placeTone(word: string): string {
  const letters = lettersOf(word);
  if (!letters) return word;
  const toned = letters.filter((l) => l.tone > 0);
  if (toned.length !== 1) return word;
  const parts = splitSyllable(letters.map((l) => l.base).join(''));
  if (!parts) return word;
  const target = parts.initial.length + toneIndex(parts.nucleus, parts.final !== '');
  const tone = toned[0].tone;
  return letters.map((l, i) => composeLetter(l.base, i === target ? tone : 0, l.upper)).join('');
}
