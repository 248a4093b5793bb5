import { DOUBLE_ENCODED } from '@hop-luu/oai-test-provider/legacy-text';
import { repairText } from './repair-text';

describe('repairText: double-encoded UTF-8', () => {
  it.each(DOUBLE_ENCODED)('repairs %j', (input, expected) => {
    expect(repairText(input)).toEqual({ text: expected, fixes: ['double-utf8'], suspected: [] });
  });

  it.each([
    ['Ã©', 'é'],
    ['Ä‘', 'đ'],
    ['cafÃ©', 'café'],
    ['HÃ¡Â»â€œ ChÃƒÂ\u00ad Minh', 'Hồ Chí Minh'], // encoded twice over
    ['ÐœÐ¾Ñ\u0081ÐºÐ²Ð°', 'Москва'],
  ])('repairs %j', (input, expected) => {
    expect(repairText(input).text).toBe(expected);
  });

  it('repairs VNI that was then double-encoded, in two steps', () => {
    expect(repairText('TrÃ¶Ã´Ã¸ng Ã‘aÃ¯i hoÃ¯c')).toEqual({
      text: 'Trường Đại học',
      fixes: ['double-utf8', 'vni'],
      suspected: [],
    });
  });

  it.each([
    'Café Ã©tÃ©', // part real Latin-1, part double-encoded: no single reading fits
    'Nguyễn Văn A; Há»“ ChÃ\u00ad Minh', // real Vietnamese beside double-encoded text
  ])('leaves mixed text as sent and reports it: %j', (input) => {
    expect(repairText(input)).toEqual({ text: input, fixes: [], suspected: ['double-utf8'] });
  });

  it.each([
    'NIÑO¡', // valid UTF-8 bytes, but they spell one Cyrillic letter: not plausible
    'Ã la carte', // one sequence that is not UTF-8
    'Maß',
  ])('leaves text that only looks a little like it silently alone: %j', (input) => {
    expect(repairText(input)).toEqual({ text: input, fixes: [], suspected: [] });
  });
});

describe('repairText: fast paths', () => {
  it.each(['Plain ASCII title', 'Lịch sử Việt Nam', 'Dvořák, Antonín'])(
    'returns %j unchanged with nothing to report',
    (input) => {
      expect(repairText(input)).toEqual({ text: input, fixes: [], suspected: [] });
    },
  );

  it('composes decomposed mojibake before repairing it', () => {
    expect(repairText('LÞch sö ViÖt Nam'.normalize('NFD')).text).toBe('Lịch sử Việt Nam');
  });
});
