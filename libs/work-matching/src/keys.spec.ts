import { candidateKeys, MAX_KEY_POSTINGS } from './keys';
import { dcProfile, marcProfile } from './testing/records';

describe('candidateKeys', () => {
  it('gives identifiers, title keys and author keys, at most 12', () => {
    const p = marcProfile('koha', '1', {
      '010': 'a2001012345',
      '020': 'a9786041234567',
      '035': 'a(OCoLC)ocm0012345',
      '100': 'aNguyễn, Du',
      '245/0': 'aTruyện Kiều :|bđoạn trường tân thanh',
      '260': 'c2015',
    });
    expect(candidateKeys(p)).toEqual([
      'isbn:9786041234567',
      'lccn:2001012345',
      'oclc:12345',
      't:truyenkieu',
      'ty:truyenkieu|2015',
      'ta:truyenkieu|nguyen du',
      'ay:du nguyen|2015',
    ]);
  });

  it('shares a key between a record with an ISBN and one without', () => {
    const withIsbn = marcProfile('a', '1', {
      '020': 'a9786041234567',
      '100': 'aPhan, Huy Lê',
      '245/0': 'aLịch sử Việt Nam.|nTập 2',
      '260': 'c2012',
    });
    const without = dcProfile('b', '1', [
      ['title', 'Lich su Viet Nam : tap 2'],
      ['creator', 'Phan Huy Le'],
      ['date', '2012'],
    ]);
    const shared = candidateKeys(withIsbn).filter((k) => candidateKeys(without).includes(k));
    expect(shared).toEqual([
      't:lichsuvietnam',
      'ty:lichsuvietnam|2012',
      'ta:lichsuviet|phan le',
      'ay:huy le phan|2012',
    ]);
  });
});

describe('key selectivity', () => {
  it('finds the duplicates of one edition of a title with hundreds of editions (Truyện Kiều)', () => {
    // 300 editions (1950-2024, four a year) held by three libraries each: 900 records.
    const profiles = Array.from({ length: 900 }, (_, i) => {
      const edition = Math.floor(i / 3);
      return marcProfile(`lib${i % 3}`, String(i), {
        '100': i % 2 ? 'aNguyễn, Du' : 'aNguyễn Du',
        '245/0': 'aTruyện Kiều',
        '260': `bNxb. ${edition % 4}|c${1950 + Math.floor(edition / 4)}`,
      });
    });
    const postings = new Map<string, number>();
    for (const p of profiles)
      for (const key of candidateKeys(p)) postings.set(key, (postings.get(key) ?? 0) + 1);
    expect(postings.get('t:truyenkieu')).toBe(900); // ignored: over MAX_KEY_POSTINGS
    for (const p of profiles) {
      const usable = candidateKeys(p).filter((k) => (postings.get(k) ?? 0) <= MAX_KEY_POSTINGS);
      expect(usable.length).toBeGreaterThan(0);
      expect(Math.max(...usable.map((k) => postings.get(k) ?? 0))).toBeLessThanOrEqual(12);
    }
  });
});
