import { judge } from './judge';
import { dcProfile } from './testing/records';
import { memoisedJudge, signatureOf, twinOf, withSignature } from './twins';

const KIEU: [string, string][] = [
  ['title', 'Truyện Kiều'],
  ['creator', 'Nguyễn Du'],
  ['date', '2015'],
  ['identifier', 'ISBN 9786049551239'],
];

describe('twins', () => {
  it('gives copies of one edition in two libraries one signature, and another edition another', () => {
    const a = dcProfile('tv-a', '1', KIEU);
    const b = dcProfile('tv-b', '77', KIEU);
    const later = dcProfile('tv-b', '78', [...KIEU.slice(0, 2), ['date', '2019']]);
    expect(signatureOf(a)).toBe(signatureOf(b));
    expect(signatureOf(later)).not.toBe(signatureOf(a));
  });

  it('keeps the signature stored with a profile read back with its keys reordered', () => {
    const a = dcProfile('tv-a', '1', KIEU);
    const readBack = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse())));
    expect(signatureOf(withSignature(readBack, signatureOf(a)))).toBe(signatureOf(a));
    expect(twinOf(a, 'tv-c:9', 'tv-c')).toMatchObject({ recordId: 'tv-c:9', sourceId: 'tv-c' });
    expect(signatureOf(twinOf(a, 'tv-c:9', 'tv-c'))).toBe(signatureOf(a));
  });

  it('judges as judge does, once per pair of signatures', () => {
    const nguyenDu = dcProfile('tv-a', '1', KIEU);
    const study = dcProfile('tv-b', '2', [
      ['title', 'Truyện Kiều'],
      ['creator', 'Nguyễn Văn Khoả'],
      ['date', '2015'],
    ]);
    const memo = memoisedJudge();
    expect(memo(nguyenDu, study)).toEqual(judge(nguyenDu, study));
    expect(memo(study, nguyenDu)).toEqual(judge(study, nguyenDu));
    const twin = twinOf(nguyenDu, 'tv-c:3', 'tv-c');
    expect(memo(twin, study)).toEqual(judge(twin, study));
    expect(memo(nguyenDu, twin).kind).toBe('match');
  });
});
