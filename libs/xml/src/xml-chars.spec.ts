import { endsName, isXmlSpace, NAME_RUN, scanNameRun, skipSpace } from './xml-chars';

/** End of the name at `i` by the pattern (followed by what may end a name), or -1. */
function byPattern(text: string, i: number): number {
  NAME_RUN.lastIndex = i;
  return NAME_RUN.test(text) ? NAME_RUN.lastIndex : -1;
}

describe('scanNameRun', () => {
  it.each([
    ['subfield ', 8],
    ['dc:title>', 8],
    ['_a.b-c9/', 7],
    ['tên=', 3],
    ['a·b ', 3],
    ['a:b:c ', 3],
    ['a: ', 1],
    ['a', 1],
  ])('reads the name in %j up to %i', (text, end) => {
    expect(scanNameRun(text, 0)).toBe(end);
  });

  it.each(['1a', '-a', '.a', ':a', ' a', '', '·a'])('finds no name at the start of %j', (text) => {
    expect(scanNameRun(text, 0)).toBe(-1);
  });

  it('agrees with the name pattern wherever a name ends properly', () => {
    const pieces = [
      'a',
      'Z',
      '_',
      '1',
      '.',
      '-',
      ':',
      'é',
      'ệ',
      '·',
      '中',
      ' ',
      '>',
      '/',
      '=',
      '"',
    ];
    let checked = 0;
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces)
          for (const end of [' ', '>', '/', '=', '\n']) {
            const text = a + b + c + end;
            const scanned = scanNameRun(text, 0);
            if (scanned === -1 || !endsName(text.charCodeAt(scanned))) continue;
            expect(scanned).toBe(byPattern(text, 0));
            checked++;
          }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('XML white space', () => {
  it('is space, tab, CR and LF only', () => {
    const spaces = [];
    for (let c = 0; c < 0x10000; c++) if (isXmlSpace(c)) spaces.push(c);
    expect(spaces).toEqual([0x09, 0x0a, 0x0d, 0x20]);
  });

  it('is skipped up to the next other character or the end', () => {
    expect(skipSpace('a \t\r\n b', 1)).toBe(6);
    expect(skipSpace('a\u00a0b', 1)).toBe(1);
    expect(skipSpace('a  ', 1)).toBe(3);
  });
});
