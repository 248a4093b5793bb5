import { ASTRAL, LETTER, letterClass, VIETNAMESE, VOWEL } from './letter-class';
import { letterInfo, VOWELS } from './letters';

describe('letterClass', () => {
  it('marks exactly what /\\p{L}/u matches as letters, in the whole BMP', () => {
    const letter = /^\p{L}$/u;
    const differences: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (((letterClass(ch, 0) & LETTER) !== 0) !== letter.test(ch)) differences.push(c);
    }
    expect(differences).toEqual([]);
  });

  it('marks the letters letterInfo knows, and their vowels', () => {
    for (const ch of 'aÀđĐỹỸqQ') {
      const info = letterInfo(ch);
      expect(letterClass(ch, 0) & VIETNAMESE).toBe(VIETNAMESE);
      expect((letterClass(ch, 0) & VOWEL) !== 0).toBe(VOWELS.includes(info?.base ?? ''));
    }
    expect(letterClass('ñ', 0) & VIETNAMESE).toBe(0);
    expect(letterClass('中', 0)).toBe(LETTER);
  });

  it('reads letters outside the BMP as one letter of two code units', () => {
    expect(letterClass('𝐀x', 0)).toBe(LETTER | ASTRAL);
    expect(letterClass('😀', 0)).toBe(0);
    expect(letterClass('\ud835', 0)).toBe(0); // a lone surrogate
  });

  it('is 0 past the end', () => {
    expect(letterClass('a', 1)).toBe(0);
  });
});
