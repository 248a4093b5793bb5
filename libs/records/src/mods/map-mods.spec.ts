import { fixture, normalizeOk } from '../testing/record-input';

describe('MODS mapping', () => {
  it('maps a Vietnamese book: titleInfo/partNumber, names and roles, subjects, classification, originInfo, location', () => {
    const r = normalizeOk(fixture('mods/fixtures/dai-viet-su-ky.mods.xml'), 'mods');
    expect(r).toMatchObject({
      format: 'mods',
      title: 'Đại Việt sử ký toàn thư. Tập 1',
      otherTitles: ['Complete annals of Đại Việt'],
      creators: [{ name: 'Ngô, Sĩ Liên', role: 'author' }],
      contributors: [{ name: 'Phan Huy Lê', role: 'hiệu đính' }],
      subjects: [{ value: 'Vietnam -- History -- To 1428', scheme: 'lcsh' }, { value: 'Sử học' }],
      classification: { ddc: ['959.7'], udc: [], lcc: ['DS556.6 .N46 1998'] },
      place: 'Hà Nội',
      publisher: 'Khoa học xã hội',
      year: 1998,
      edition: 'Tái bản lần thứ hai',
      languages: ['vie', 'lzh'],
      type: 'book',
      physicalDescription: '348 tr. ; 27 cm',
      series: ['Tủ sách cổ thư ; 3'],
      description: 'Bộ quốc sử chính thức của nhà Hậu Lê.',
      rights: ['Phạm vi công cộng'],
    });
    expect(r.identifiers.isbn).toEqual(['9786042001236']); // the invalid="yes" one is skipped
    expect(r.links).toEqual({
      fullText: ['https://dl.example.gov.vn/dvsktt/tap1.pdf'],
      thumbnail: 'https://dl.example.gov.vn/dvsktt/tap1-thumb.jpg',
    });
    expect(r.identifiers.url).toEqual(['https://dl.example.gov.vn/dvsktt']);
    expect(r.holdings).toEqual([
      { institution: 'Thư viện Quốc gia Việt Nam', callNumber: '959.7 NG-L' },
    ]);
    expect(r.warnings).toEqual(["classification: unknown authority 'nlm'; 'WZ 70' ignored"]);
  });

  it('maps a dataset in a prefixed modsCollection: genre, DOI, handle, nonSort kept in the title', () => {
    const r = normalizeOk(fixture('mods/fixtures/dataset-article.mods.xml'), 'mods');
    expect(r.title).toBe('The Mekong salinity dataset, 2010-2020');
    expect(r.type).toBe('dataset');
    expect(r.identifiers).toMatchObject({
      doi: ['10.5281/zenodo.1234567'],
      handle: ['20.500.12345/678'],
      issn: ['2354-080X'],
    });
    expect(r.languages).toEqual(['eng']);
    expect(r.classification.udc).toEqual(['556.3']);
    expect(r.year).toBe(2021);
  });
  it('reads identifier type="lccn" and type="oclc" into identifiers.other', () => {
    const xml =
      '<mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>Đại Việt sử ký toàn thư</title></titleInfo>' +
      '<identifier type="lccn">n 79-21164</identifier><identifier type="oclc">ocm00012345</identifier>' +
      '<identifier type="local">HN-1998-0042</identifier></mods>';
    expect(normalizeOk(xml, 'mods').identifiers.other).toEqual(['lccn:n79021164', 'oclc:12345']);
  });
});
