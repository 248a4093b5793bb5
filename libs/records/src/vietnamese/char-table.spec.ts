import { CharTable } from './char-table';
import { foldByUnicode, foldText } from './fold';

/** Deterministic pseudo-random numbers, so failures can be reproduced. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random strings drawn from `alphabet`, of every length up to `maxLength`. */
function randomTexts(alphabet: string[], count: number, maxLength: number, seed: number): string[] {
  const next = numbers(seed);
  return Array.from({ length: count }, (_, k) => {
    let text = '';
    for (let i = 0; i < k % (maxLength + 1); i++)
      text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  });
}

const VIETNAMESE = [
  ...'aăâeêioôơuưyAĂÂEÊIOÔƠƯYđĐàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ bcdghklmnpqrstvx,.;:/-()[]\'"\t',
];
const ODD = [
  ...'\u0300\u0301\u0309\u0303\u0323\u0302\u0306\u031bİıΣσςßẞǅǄǆ\u00a0\u00ad\ufeffﬁ中',
  '😀',
  '\ud800',
];

describe('CharTable', () => {
  const lower = new CharTable((text) => text.toLowerCase());

  it('maps every single character as its reference function does', () => {
    const differences: number[] = [];
    for (let c = 0; c < 0x3000; c++) {
      const ch = String.fromCharCode(c);
      if (foldText(ch) !== foldByUnicode(ch) || lower.map(ch) !== ch.toLowerCase())
        differences.push(c);
    }
    expect(differences).toEqual([]);
  });

  it('maps whole texts, short and long, as the reference function does', () => {
    const texts = [
      ...randomTexts(VIETNAMESE, 3000, 80, 1),
      ...randomTexts([...VIETNAMESE, ...ODD], 3000, 80, 2),
    ];
    const differences = [...texts, ...texts.map((t) => t.normalize('NFD'))].filter(
      (text) => foldText(text) !== foldByUnicode(text) || lower.map(text) !== text.toLowerCase(),
    );
    expect(differences).toEqual([]);
  });

  it('returns the very same string when nothing changes', () => {
    const text = 'khong dau, 123 - da xong';
    expect(foldText(text)).toBe(text);
    const long = `${text} ${text} ${text}`;
    expect(new CharTable(foldByUnicode).map(long)).toBe(long);
  });

  it('keeps a leading byte order mark like any character it cannot map', () => {
    expect(foldText('\ufeffĐà Nẵng')).toBe(foldByUnicode('\ufeffĐà Nẵng'));
    const long = `\ufeff${'Đà Nẵng '.repeat(10)}`;
    expect(new CharTable(foldByUnicode).map(long)).toBe(foldByUnicode(long));
  });
});
