import {
  EUROPEAN_NAMES,
  EUROPEAN_TITLES,
  LEGACY_CREATORS,
  TCVN3_TITLES,
  VNI_TITLES,
} from '@hop-luu/oai-test-provider/legacy-text';
import { repairLegacyEncoding } from './repair';

describe('repairLegacyEncoding', () => {
  it.each<readonly [string, string]>([
    ['LÞch sö ViÖt Nam', 'Lịch sử Việt Nam'],
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['§¹i häc Quèc gia Hµ Néi', 'Đại học Quốc gia Hà Nội'],
    ['M\u00adêng Kh\u00ad¬ng', 'Mường Khương'], // ư is byte 0xAD, an invisible soft hyphen in Latin-1
    ['LÞCH Sö VIÖT NAM', 'LỊCH SỬ VIỆT NAM'], // VN3H capital fonts reuse the lower-case codes
    ['TËp 2', 'Tập 2'], // one word, but a marked one, and the rest is a number
    ...TCVN3_TITLES,
  ])('converts TCVN3 %s', (input, expected) => {
    expect(repairLegacyEncoding(input)).toEqual({ text: expected, converted: 'tcvn3' });
  });

  it.each<readonly [string, string]>([
    ['Vieät Nam', 'Việt Nam'],
    ['Tröôøng Ñaïi hoïc Baùch khoa', 'Trường Đại học Bách khoa'],
    ['NGUYEÃN DU', 'NGUYỄN DU'],
    ...VNI_TITLES,
  ])('converts VNI %s', (input, expected) => {
    expect(repairLegacyEncoding(input)).toEqual({ text: expected, converted: 'vni' });
  });

  it.each(LEGACY_CREATORS)('converts the name %s', (input, expected) => {
    expect(repairLegacyEncoding(input).text).toBe(expected);
  });

  it.each([...EUROPEAN_TITLES, ...EUROPEAN_NAMES])(
    'leaves European text as it is, without a warning: %s',
    (input) => {
      expect(repairLegacyEncoding(input)).toEqual({ text: input });
    },
  );

  it.each(['Cà phê sữa đá', 'Cà phê', 'Lịch sử Việt Nam', 'Tô Hoài Lê', 'Plain ASCII'])(
    'leaves Vietnamese Unicode alone: %s',
    (input) => {
      expect(repairLegacyEncoding(input)).toEqual({ text: input });
    },
  );

  it('leaves mixed text as sent and reports it: a marked word, but real European words too', () => {
    const mixed = 'Genève Zürich Köln ViÖt';
    expect(repairLegacyEncoding(mixed)).toEqual({ text: mixed, suspected: 'tcvn3' });
    expect(repairLegacyEncoding('ViÖt Nam und Köln')).toEqual({
      text: 'ViÖt Nam und Köln',
      suspected: 'tcvn3',
    });
  });

  it('leaves one marked word alone, with a warning: one word is not enough evidence', () => {
    expect(repairLegacyEncoding('LuËt')).toEqual({ text: 'LuËt', suspected: 'tcvn3' });
  });

  it.each([
    'Hoà Chí Minh', // VNI for Hồ Chí Minh, but also correct Unicode for "Hoà Chí Minh"
    'NGUYÔN DU', // TCVN3 capitals: Ô after Y is no mark, so nothing proves it
  ])('leaves text that is valid as written silently alone: %s', (input) => {
    expect(repairLegacyEncoding(input)).toEqual({ text: input });
  });
});
