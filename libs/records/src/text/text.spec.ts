import { cleanText } from './clean';
import { trimIsbd } from './isbd';
import { readYear } from './year';

describe('trimIsbd', () => {
  it.each([
    ['Truyện Kiều /', 'Truyện Kiều'],
    ['Hà Nội :', 'Hà Nội'],
    ['Tủ sách văn học ;', 'Tủ sách văn học'],
    ['Văn học,', 'Văn học'],
    ['2015.', '2015'],
    ['21 cm.', '21 cm'],
    ['Lịch sử Việt Nam. =', 'Lịch sử Việt Nam'],
  ])('trims separators: %s → %s', (input, expected) => {
    expect(trimIsbd(input)).toBe(expected);
  });

  it.each([
    'Smith, John R.',
    'King, Martin Luther, Jr.',
    '350 tr.',
    '[S.l.]',
    'Dấu chấm lửng...',
    'Washington, D.C.',
  ])('keeps a period that belongs to an abbreviation or initial: %s', (input) => {
    expect(trimIsbd(input)).toBe(input);
  });

  it('keeps inner punctuation and brackets', () => {
    expect(trimIsbd('[Hà Nội] : [s.n.],')).toBe('[Hà Nội] : [s.n.]');
  });
});

describe('cleanText', () => {
  it('composes decomposed (NFD) input and collapses whitespace', () => {
    const nfd = '  Nguyễn\u00a0 Du\n'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Nguyễn Du');
    expect(cleanText(nfd)).toHaveLength('Nguyễn Du'.length);
  });
});

describe('readYear', () => {
  it.each([
    ['c2015.', 2015],
    ['[2019]', 2019],
    ['2019-06-14T08:12:33Z', 2019],
    ['năm 1998', 1998],
    ['[199-?]', undefined],
    ['12345', undefined],
  ])('%s → %s', (input, expected) => {
    expect(readYear(input)).toBe(expected);
  });
});
