/**
 * Vietnamese letters as (base, tone) pairs, so tone marks can be moved and tested
 * without Unicode decomposition in hot paths.
 */

/** Tone marks in the order of the Vietnamese tones huyền, sắc, hỏi, ngã, nặng (1..5). */
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

/** The 12 vowel letters (shape marks included, tone excluded). */
export const VOWELS = 'aăâeêioôơuưy';
/** Vowels carrying a shape mark (circumflex, breve, horn): they take the tone first. */
export const SHAPED_VOWELS = 'ăâêôơư';
const CONSONANTS = 'bcdđfghjklmnpqrstvwxz';

/** One letter: lower-case base without tone, tone 0 (none) to 5, and case. */
export interface LetterInfo {
  readonly base: string;
  readonly tone: number;
  readonly upper: boolean;
}

const INFO = new Map<string, LetterInfo>();
/** COMPOSE[upper ? 1 : 0][vowel index][tone] → NFC character. */
const COMPOSE: string[][][] = [[], []];

for (const upper of [false, true]) {
  for (const base of VOWELS) {
    const forms: string[] = [];
    for (let tone = 0; tone <= TONE_MARKS.length; tone++) {
      const shaped = upper ? base.toUpperCase() : base;
      const ch = (tone === 0 ? shaped : shaped + TONE_MARKS[tone - 1]).normalize('NFC');
      INFO.set(ch, { base, tone, upper });
      forms.push(ch);
    }
    COMPOSE[upper ? 1 : 0].push(forms);
  }
  for (const base of CONSONANTS) {
    INFO.set(upper ? base.toUpperCase() : base, { base, tone: 0, upper });
  }
}

/** Analysis of one NFC character, or undefined when it is not a Vietnamese/Latin letter. */
export function letterInfo(ch: string): LetterInfo | undefined {
  return INFO.get(ch);
}

/** The NFC character for a base vowel with a tone (0 = none). */
export function composeLetter(base: string, tone: number, upper: boolean): string {
  const vowel = VOWELS.indexOf(base);
  if (vowel !== -1) return COMPOSE[upper ? 1 : 0][vowel][tone];
  return upper ? base.toUpperCase() : base;
}

/** Every precomposed character carrying a tone mark (for fast "is there a tone?" tests). */
export const TONED_CHARS: string = [...INFO]
  .filter(([, info]) => info.tone > 0)
  .map(([ch]) => ch)
  .join('');

/** Letters that exist only in Vietnamese text (ă, đ, ơ, ư and the U+1EA0 block). */
export const VIETNAMESE_ONLY = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;
