import { canonicalizeTones } from './tone-placement';
import { foldText } from './fold';
import { isVietnameseSyllable } from './syllable';

describe('canonicalizeTones (traditional placement)', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuý', 'thúy'],
    ['khoẻ', 'khỏe'],
    ['Tuỳ', 'Tùy'],
    ['HOÀ BÌNH', 'HÒA BÌNH'],
    ['gìa', 'già'], // 'gi' + vowel: the i belongs to the onset
    ['qúy', 'quý'], // 'qu' + vowel: the u belongs to the onset
    ['muà', 'mùa'],
    ['cuả', 'của'],
    ['hòang', 'hoàng'], // closed syllable: tone on the last vowel
    ['khóai', 'khoái'], // three vowels: the middle one
    ['ngừơi', 'người'], // ươ: on ơ
    ['Nguyễn', 'Nguyễn'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeTones(input)).toBe(expected);
  });

  it('makes both spellings of a phrase identical', () => {
    expect(canonicalizeTones('Hoà Bình, sức khoẻ và thuỷ lợi')).toBe(
      canonicalizeTones('Hòa Bình, sức khỏe và thủy lợi'),
    );
  });

  it('leaves words that are not one Vietnamese syllable alone', () => {
    expect(canonicalizeTones('café résumé Müller gì')).toBe('café résumé Müller gì');
  });
});

describe('foldText', () => {
  it('strips diacritics and folds đ/Đ, which NFD alone leaves in place', () => {
    expect('Đặng'.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).toBe('Đang');
    expect(foldText('Đặng Thị Thuý, Đà Nẵng')).toBe('dang thi thuy, da nang');
  });

  it('gives decomposed (NFD) and composed input the same key', () => {
    expect(foldText('Tiếng Việt'.normalize('NFD'))).toBe(foldText('Tiếng Việt'));
  });
});

describe('isVietnameseSyllable', () => {
  it.each([
    ...['Việt', 'người', 'khuya', 'quốc', 'giữa', 'nghiêng', 'Nam', 'VIỆT', 'gì', 'xoong'],
    ...['hòa', 'hoà', 'thúy', 'thuý', 'khỏe', 'khoẻ', 'kiếm', 'ghi', 'huỳnh', 'oanh', 'ếch'],
  ])('accepts %s', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each([
    ...['History', 'ViÖt', 'Baùch', 'sö', 'Trửụứng', 'bàch'],
    ...['Maò', 'Voò', 'cuả', 'muà'], // tone where no writer puts it
    ...['ViỆt', 'ka', 'ge', 'nge', 'ing', 'êc'], // case, onset, final
  ])('rejects %s', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
