import { judge } from './judge';
import type { MatchProfile } from './profile';
import { dcProfile, marcProfile } from './testing/records';
import type { PairVerdict } from './verdict';

/** Judges both ways and checks symmetry. */
function judged(a: MatchProfile, b: MatchProfile): PairVerdict {
  const verdict = judge(a, b);
  expect(judge(b, a)).toEqual(verdict);
  return verdict;
}

const kieuDuKoha = marcProfile('koha-hn', '1', {
  '020': 'a9786041234567',
  '100': 'aNguyễn, Du,|d1765-1820',
  '245/0': 'aTruyện Kiều :|bđoạn trường tân thanh /|cNguyễn Du',
  '260': 'aHà Nội :|bVăn học,|c2015',
  '300': 'a435 tr. ;|c21 cm',
});
const kieuDuDc = dcProfile('dspace-hue', '9', [
  ['title', 'Truyện Kiều'],
  ['creator', 'Nguyen Du'],
  ['publisher', 'NXB Văn học'],
  ['date', '2015'],
  ['format', '435 trang'],
]);
const kieuKhoa = marcProfile('tv-nghe-an', '4', {
  '100': 'aNguyễn, Văn Khoả',
  '245/0': 'aTruyện Kiều /|cNguyễn Văn Khoả',
  '260': 'aHà Nội :|bVăn học,|c2015',
});

describe('judge', () => {
  it('joins a record with an ISBN and one without, by title, author, year and pages', () => {
    const verdict = judged(kieuDuKoha, kieuDuDc);
    expect(verdict).toMatchObject({ kind: 'match', evidence: { rule: 'title-author' } });
    if (verdict.kind !== 'match') return;
    expect(verdict.evidence.facts).toEqual([
      'title similarity 1.00',
      'same year 2015',
      'same pages 435',
      'authors Nguyen Du = Nguyễn, Du', // in recordId order: dspace-hue before koha-hn
      'publishers NXB Văn học = Văn học',
    ]);
  });

  it('keeps the two "Truyện Kiều" of one year apart: the given name tells Vietnamese authors apart', () => {
    expect(judged(kieuDuKoha, kieuKhoa)).toEqual({
      kind: 'contradict',
      reason: 'different authors Nguyễn, Du and Nguyễn, Văn Khoả',
    });
  });

  it('matches a shared ISBN (ISBN-10 in one record) despite title punctuation', () => {
    const dc = dcProfile('dspace', '2', [
      ['title', 'Truyện Kiều - Đoạn trường tân thanh'],
      ['identifier', 'ISBN 604-1-23456-7'],
    ]);
    const verdict = judged(kieuDuKoha, dc);
    expect(verdict).toMatchObject({ kind: 'match', evidence: { rule: 'shared-identifier' } });
    if (verdict.kind === 'match') expect(verdict.evidence.facts[0]).toBe('ISBN 9786041234567');
  });

  it('distrusts an ISBN shared by clearly different titles', () => {
    const other = marcProfile('koha-hcm', '7', {
      '020': 'a9786041234567',
      '245/0': 'aGiáo trình kinh tế vi mô',
      '260': 'c2015',
    });
    expect(judged(kieuDuKoha, other)).toMatchObject({
      kind: 'contradict',
      untrustedIdentifier: 'isbn:9786041234567',
    });
  });

  it('distrusts an ISBN on loosely alike titles by different authors', () => {
    const a = marcProfile('a', '1', {
      '020': 'a9786041234567',
      '100': 'aTrần Ngọc Long',
      '245/0': 'aTín ngưỡng và phát triển bền vững ở Thái Bình',
    });
    const b = marcProfile('b', '1', {
      '020': 'a9786041234567',
      '100': 'aTrần Đức Hùng',
      '245/0': 'aLịch sử và phát triển bền vững ở Nghệ An',
    });
    expect(judged(a, b)).toMatchObject({
      kind: 'contradict',
      untrustedIdentifier: 'isbn:9786041234567',
    });
  });

  it('keeps editions, volumes and years apart', () => {
    const base = { '100': 'aPhan, Huy Lê', '245/0': 'aLịch sử Việt Nam' };
    const vol2 = marcProfile('a', '1', {
      ...base,
      '245/0': 'aLịch sử Việt Nam.|nTập 2',
      '260': 'c2012',
    });
    const vol3 = marcProfile('b', '1', {
      ...base,
      '245/0': 'aLịch sử Việt Nam.|nTập 3',
      '260': 'c2012',
    });
    const ed2 = marcProfile('c', '1', { ...base, '250': 'aIn lần thứ 2', '260': 'c2012' });
    const reEd = marcProfile('d', '1', { ...base, '250': 'aTái bản lần thứ 2', '260': 'c2012' });
    const ed3 = marcProfile('e', '1', { ...base, '250': 'a3rd ed.', '260': 'c2012' });
    const later = marcProfile('f', '1', { ...base, '260': 'c2018' });
    const isbnA = marcProfile('g', '1', { ...base, '020': 'a9786041234567', '260': 'c2012' });
    const isbnB = marcProfile('h', '1', { ...base, '020': 'a9786049007774', '260': 'c2012' });
    expect(judged(vol2, vol3)).toMatchObject({
      kind: 'contradict',
      reason: 'different volumes 2 and 3',
    });
    expect(judged(ed2, ed3)).toMatchObject({ kind: 'match' }); // a printing says nothing of the edition
    expect(judged(reEd, ed3)).toMatchObject({ kind: 'match' }); // tái bản lần 2 = 3rd edition
    expect(judged(later, ed2)).toMatchObject({
      kind: 'contradict',
      reason: 'different years 2012 and 2018',
    });
    // Different ISBNs (hardback and paperback, or a set's and a volume's) prove nothing alone:
    // the title-author rule decides.
    expect(judged(isbnA, isbnB)).toMatchObject({
      kind: 'match',
      evidence: { rule: 'title-author' },
    });
    expect(judged(isbnA, { ...isbnB, year: 2013 })).toMatchObject({ kind: 'contradict' });
  });

  it('takes other ISBNs from another publisher for another edition', () => {
    const base = { '100': 'aVũ, Trọng Phụng', '245/0': 'aSố đỏ', '260': 'bVăn học|c2016' };
    const a = marcProfile('a', '1', { ...base, '020': 'a9786041234567' });
    const b = marcProfile('b', '1', { ...base, '020': 'a9786049007774', '260': 'bNxb. Trẻ|c2016' });
    const c = marcProfile('c', '1', {
      ...base,
      '020': 'a9786049007774',
      '260': 'bNxb. Văn học|c2016',
    });
    expect(judged(a, b)).toMatchObject({ kind: 'contradict' });
    expect(judged(a, c)).toMatchObject({ kind: 'match' });
  });

  it('understands names written differently: inverted, initials, no diacritics', () => {
    const a = marcProfile('lib-a', '1', {
      '100': 'aSmith, John A.',
      '245/4': 'aThe Mekong delta :|ba social history /',
      '260': 'aOxford :|bOxford University Press,|c2012',
      '250': 'a2nd ed.',
    });
    const b = dcProfile('lib-b', '1', [
      ['title', 'Mekong Delta'],
      ['creator', 'Smith, J. A.'],
      ['publisher', 'Oxford Univ. Press'],
      ['date', '2012'],
    ]);
    const verdict = judged(a, b);
    expect(verdict).toMatchObject({ kind: 'match', evidence: { rule: 'title-author' } });
    if (verdict.kind === 'match')
      expect(verdict.evidence.facts).toContain('authors Smith, John A. = Smith, J. A.');
  });

  it('does not oppose a body as main entry in one record and a person in the other', () => {
    const ministry = dcProfile('x', '1', [
      ['title', 'Niên giám thống kê y tế'],
      ['creator', 'Việt Nam. Bộ Y tế'],
      ['date', '2019'],
    ]);
    const person = dcProfile('y', '1', [
      ['title', 'Niên giám thống kê y tế'],
      ['creator', 'Trần Văn Thuấn'],
      ['date', '2019'],
    ]);
    const otherBody = dcProfile('z', '1', [
      ['title', 'Niên giám thống kê y tế'],
      ['creator', 'Tổng cục Thống kê'],
      ['date', '2019'],
    ]);
    expect(judged(ministry, person)).toMatchObject({ kind: 'match' });
    expect(judged(ministry, otherBody)).toMatchObject({ kind: 'contradict' });
  });

  it('reads several names in one dc:creator', () => {
    const joint = dcProfile('x', '1', [
      ['title', 'Tìm về cội nguồn'],
      ['creator', 'Trần Quốc Vượng ; Phan Huy Lê'],
      ['date', '2012'],
    ]);
    const one = marcProfile('y', '1', {
      '100': 'aPhan, Huy Lê',
      '245/0': 'aTìm về cội nguồn',
      '260': 'c2012',
    });
    const verdict = judged(joint, one);
    expect(verdict).toMatchObject({ kind: 'match' });
    if (verdict.kind === 'match')
      expect(verdict.evidence.facts).toContain('authors Phan Huy Lê = Phan, Huy Lê');
  });

  it('needs a near-equal title when one side has no author', () => {
    const noAuthor = dcProfile('x', '1', [
      ['title', 'Truyện Kiều'],
      ['date', '2015'],
    ]);
    const typo = dcProfile('y', '1', [
      ['title', 'Truyện Kiểu xưa'],
      ['date', '2015'],
    ]);
    expect(judged(kieuDuDc, noAuthor)).toMatchObject({ kind: 'match' });
    expect(judged(kieuDuDc, typo)).toEqual({ kind: 'unrelated' });
  });

  it('keeps textbooks of different grades apart', () => {
    const g1 = dcProfile('x', '1', [
      ['title', 'Tiếng Việt 1'],
      ['creator', 'Bộ Giáo dục'],
      ['date', '2020'],
    ]);
    const g2 = dcProfile('y', '1', [
      ['title', 'Tiếng Việt 2'],
      ['creator', 'Bộ Giáo dục'],
      ['date', '2020'],
    ]);
    expect(judged(g1, g2)).toMatchObject({ kind: 'contradict' });
  });
});
