import { candidateKeys } from './keys';
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
      'ty:lichsuviet|2012',
      'ta:lichsuviet|phan le',
      'ay:huy le phan|2012',
    ]);
  });
});
