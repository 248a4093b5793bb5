import { isWhiteSpace, trimmed } from './trimmed';

describe('isWhiteSpace', () => {
  it('is true exactly for what regex \\s matches, in the whole BMP', () => {
    const differences: number[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) differences.push(c);
    expect(differences).toEqual([]);
  });
});

describe('trimmed', () => {
  it.each([
    '',
    ' ',
    'a',
    ' a',
    'a ',
    '\u00a0Hà Nội\u3000',
    '\ufeffx',
    'x\u2028',
    'Việt Nam',
    '\u0085x',
  ])('gives what trim gives for %j', (text) => {
    expect(trimmed(text)).toBe(text.trim());
  });

  it('returns the very same string when there is nothing to trim', () => {
    const text = 'Lịch sử Việt Nam';
    expect(trimmed(text)).toBe(text);
  });
});
