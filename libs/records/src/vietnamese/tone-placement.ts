import { composeLetter, SHAPED_VOWELS, TONED_CHARS, VOWELS } from './letters';
import { lettersOf, splitSyllable } from './syllable';

const HAS_TONE = new RegExp(`[${TONED_CHARS}]`);
/** Two adjacent vowels: only then can a tone sit on more than one letter. */
const TWO_VOWELS = new RegExp(`[${TONED_CHARS}${VOWELS}${VOWELS.toUpperCase()}]{2}`);
const WORD = /\p{L}+/gu;
/** Syllables repeat endlessly across records; remembering them keeps indexing cheap. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

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
 * `openDiphthongToneIndex`.
 */
export function canonicalizeTones(text: string): string {
  if (!HAS_TONE.test(text)) return text;
  // Splitting on spaces first lets most words skip the regex and the callback entirely.
  const words = text.split(' ');
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    if (!TWO_VOWELS.test(words[i])) continue;
    const placed = words[i].replace(WORD, cachedPlaceTone);
    if (placed !== words[i]) {
      words[i] = placed;
      changed = true;
    }
  }
  return changed ? words.join(' ') : text;
}

function cachedPlaceTone(word: string): string {
  let placed = cache.get(word);
  if (placed === undefined) {
    placed = placeTone(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, placed);
  }
  return placed;
}

function placeTone(word: string): string {
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

/** Index inside the nucleus that carries the tone. */
function toneIndex(nucleus: string, closed: boolean): number {
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
