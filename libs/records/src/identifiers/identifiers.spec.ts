import { classifyIdentifier } from './classify-identifier';
import { extractDoi, extractHandle } from './doi-handle-url';
import { normalizeIsbn } from './isbn';
import { normalizeIssn } from './issn';
import { compactNumber, normalizeLccn, oclcNumber } from './other-ids';

describe('normalizeIsbn', () => {
  it('converts a valid ISBN-10 to ISBN-13', () => {
    expect(normalizeIsbn('604-1-23456-7')).toEqual({ ok: true, isbn13: '9786041234567' });
    expect(normalizeIsbn('0-19-283726-5')).toEqual({ ok: true, isbn13: '9780192837264' });
  });

  it('reads an ISBN-13 followed by MARC qualifiers and price', () => {
    expect(normalizeIsbn('978-604-1-23456-7 (bìa mềm) : 85000đ')).toEqual({
      ok: true,
      isbn13: '9786041234567',
    });
  });

  it.each([
    ['604-1-23456-8', 'wrong ISBN-10 check digit'],
    ['9786041234568', 'wrong ISBN-13 check digit'],
    ['9771234567003', 'not a 978/979 ISBN-13'],
    ['85000đ', 'no ISBN digits'],
  ])('refuses %s (%s)', (input, reason) => {
    expect(normalizeIsbn(input)).toEqual({ ok: false, reason });
  });
});

describe('normalizeIssn', () => {
  it('validates the mod-11 check digit, including X', () => {
    expect(normalizeIssn('ISSN 0866-7497')).toEqual({ ok: true, issn: '0866-7497' });
    expect(normalizeIssn('2354080x')).toEqual({ ok: true, issn: '2354-080X' });
    expect(normalizeIssn('1234-5678')).toEqual({ ok: false, reason: 'wrong ISSN check digit' });
  });
});

describe('DOI, handle and identifier classification', () => {
  it('strips resolver prefixes', () => {
    expect(extractDoi('https://doi.org/10.15625/2615-9783/16001')).toBe('10.15625/2615-9783/16001');
    expect(extractDoi('doi:10.5281/zenodo.1234567.')).toBe('10.5281/zenodo.1234567');
    expect(extractHandle('http://hdl.handle.net/123456789/4321')).toBe('123456789/4321');
  });

  it.each([
    ['ISBN 604-1-23456-7', 'isbn', '604-1-23456-7'],
    ['urn:isbn:9786041234567', 'isbn', '9786041234567'],
    ['9786041234567', 'isbn', '9786041234567'],
    ['ISSN: 0866-7497', 'issn', '0866-7497'],
    ['0866-7497', 'issn', '0866-7497'],
    ['https://doi.org/10.1000/xyz', 'doi', '10.1000/xyz'],
    ['hdl:11122/33', 'handle', '11122/33'],
    ['https://repo.example.vn/handle/1/2', 'url', 'https://repo.example.vn/handle/1/2'],
    ['TV0012345', 'unknown', 'TV0012345'],
  ])('%s is %s', (input, kind, value) => {
    expect(classifyIdentifier(input)).toEqual({ kind, value });
  });
});

describe('other identifiers', () => {
  it.each([
    ['  2001012345 ', '2001012345'],
    ['n 79-21164', 'n79021164'],
    ['85-2 ', '85000002'],
    ['sn 85012345 //r86', 'sn85012345'],
  ])('normalises the LCCN %s → %s', (raw, expected) => {
    expect(normalizeLccn(raw)).toBe(expected);
  });

  it('refuses an LCCN without a serial number', () => {
    expect(normalizeLccn('không rõ')).toBeUndefined();
  });

  it('reads OCLC numbers with or without their prefixes and leading zeros', () => {
    expect(oclcNumber('(OCoLC)ocm01234567')).toBe('1234567');
    expect(oclcNumber('(OCoLC)on1045678901')).toBe('1045678901');
    expect(oclcNumber('(OCoLC) 123')).toBe('123');
    expect(oclcNumber('(VnHaNL)000123')).toBeUndefined();
  });

  it('compacts national bibliography numbers, dropping a qualifier', () => {
    expect(compactNumber('GB99 12345 (pbk.)')).toBe('GB9912345');
    expect(compactNumber(' () ')).toBeUndefined();
  });
});
