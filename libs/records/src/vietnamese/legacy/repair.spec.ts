import { repairLegacyEncoding } from './repair';

describe('repairLegacyEncoding', () => {
  it.each([
    ['LÞch sö ViÖt Nam', 'Lịch sử Việt Nam'],
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['§¹i häc Quèc gia Hµ Néi', 'Đại học Quốc gia Hà Nội'],
    ['M\u00adêng Kh\u00ad¬ng', 'Mường Khương'], // ư is byte 0xAD, an invisible soft hyphen in Latin-1
    ['LÞCH Sö VIÖT NAM', 'LỊCH SỬ VIỆT NAM'], // VN3H capital fonts reuse the lower-case codes
  ])('converts TCVN3 %s', (input, expected) => {
    expect(repairLegacyEncoding(input)).toEqual({ text: expected, converted: 'tcvn3' });
  });

  it.each([
    ['Vieät Nam', 'Việt Nam'],
    ['Tröôøng Ñaïi hoïc Baùch khoa', 'Trường Đại học Bách khoa'],
    ['Truyeän Kieàu', 'Truyện Kiều'],
    ['NGUYEÃN DU', 'NGUYỄN DU'],
  ])('converts VNI %s', (input, expected) => {
    expect(repairLegacyEncoding(input)).toEqual({ text: expected, converted: 'vni' });
  });

  it.each([
    'Cà phê sữa đá',
    'Cà phê',
    'Café de Paris',
    'Hôtel de Ville',
    'Müller, Jörg',
    'Lịch sử Việt Nam',
    'Plain ASCII',
  ])('leaves real text alone: %s', (input) => {
    expect(repairLegacyEncoding(input)).toEqual({ text: input });
  });

  it('flags but does not convert text where only some words decode to Vietnamese', () => {
    const mixed = 'Genève Zürich Köln ViÖt';
    expect(repairLegacyEncoding(mixed)).toEqual({ text: mixed, suspected: 'tcvn3' });
  });
});
