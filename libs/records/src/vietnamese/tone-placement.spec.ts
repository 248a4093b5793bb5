import { TONED_CHARS, VOWELS } from './letters';
import { canonicalizeTones, placeTone } from './tone-placement';

/**
 * The placement as first written: split on spaces, and in every piece with two adjacent
 * vowels place the tone of every run of letters. `canonicalizeTones` must give the same.
 */
function byWords(text: string): string {
  const twoVowels = new RegExp(`[${TONED_CHARS}${VOWELS}${VOWELS.toUpperCase()}]{2}`);
  return text
    .split(' ')
    .map((piece) => (twoVowels.test(piece) ? piece.replace(/\p{L}+/gu, placeTone) : piece))
    .join(' ');
}

/** Deterministic pseudo-random numbers, so failures can be reproduced. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('canonicalizeTones against placing word by word', () => {
  it.each([
    'Hoà Bình, sức khoẻ và thuỷ lợi',
    'HOÀ BÌNH — khóai, ngừơi, gìa, qúy',
    'hoà中hoà 中hoà hoà中 𝐀hoà hoà𝐀 😀hoà hoà😀',
    'café résumé Müller gì hoà-bình hoà_bình hoà1 1hoà',
    '\u00a0hoà\thoà\nhoà\u3000hoà',
    'hoa\u0300 ho\u0300a (NFD marks are not letters)',
    '',
    'a',
  ])('%j', (text) => {
    expect(canonicalizeTones(text)).toBe(byWords(text));
  });

  it('gives the same result on random text', () => {
    const alphabet = [
      ...'aăâeêioôơuưyAĂÂEÊIOÔƠƯYđĐàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
      ...'ÀÁẢÃẠÈÉÌÒÙỲ bcdghklmnpqrstvx  ,.-_1ñß中\u0301\u00a0',
      '𝐀',
      '😀',
    ];
    const next = numbers(7);
    const differences: string[] = [];
    for (let k = 0; k < 20000; k++) {
      let text = '';
      for (let i = 0; i < k % 16; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (canonicalizeTones(text) !== byWords(text)) differences.push(text);
    }
    expect(differences).toEqual([]);
  });
});
