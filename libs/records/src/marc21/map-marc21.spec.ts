import { fixture, normalizeOk } from '../testing/record-input';

describe('MARC 21 mapping', () => {
  it('maps a Koha record: ISBD-punctuated fields, 082, 490, 650 $2, 700 role, 856 cover, 952 items', () => {
    const r = normalizeOk(fixture('marc21/fixtures/truyen-kieu.koha.xml'), 'marc21');
    expect(r).toMatchObject({
      format: 'marc21',
      title: 'Truyện Kiều',
      subtitle: 'đoạn trường tân thanh',
      responsibility: 'Nguyễn Du ; Đào Duy Anh chú giải',
      creators: [{ name: 'Nguyễn Du' }],
      contributors: [{ name: 'Đào, Duy Anh', role: 'chú giải' }],
      subjects: [{ value: 'Văn học Việt Nam -- Truyện thơ', scheme: 'bkvn' }],
      classification: { ddc: ['895.9221'], udc: [], lcc: [] },
      place: 'Hà Nội',
      publisher: 'Văn học',
      year: 2015,
      dateAsGiven: '2015',
      languages: ['vie'],
      type: 'book',
      physicalDescription: '435 tr. ; 21 cm',
      series: ['Tủ sách văn học cổ điển ; 12'],
      description: 'Truyện thơ Nôm gồm 3254 câu lục bát.',
    });
    expect(r.identifiers.isbn).toEqual(['9786041234567']);
    expect(r.links).toEqual({
      fullText: [],
      thumbnail: 'https://opac.example.vn/covers/000812.jpg',
    });
    expect(r.holdings).toEqual([
      { institution: 'TVHN', location: 'KHO-MUON', callNumber: '895.9221 NG-D' },
      { institution: 'TVHN-CN2', location: 'DOC-TAI-CHO', callNumber: '895.9221 NG-D' },
    ]);
    expect(r.identifiers.callNumber).toEqual(['895.9221 NG-D']);
    expect(r.warnings).toEqual([]);
  });

  it('maps an LC-style record in a prefixed collection: 264, 050, lcsh/mesh, 830 de-duplicated, 852, 856 by indicator', () => {
    const r = normalizeOk(fixture('marc21/fixtures/history-of-vietnam.xml'), 'marcxml');
    expect(r.title).toBe('The history of Vietnam');
    expect(r.otherTitles).toEqual(['Vietnam history']);
    expect(r.edition).toBe('Second edition');
    expect(r.creators.map((c) => c.name)).toEqual([
      'Taylor, K. W. (Keith Weller)',
      'Nguyễn, Thế Anh',
    ]);
    expect(r.contributors).toEqual([{ name: 'Whitmore, John K.', role: 'editor' }]);
    expect(r.subjects).toEqual([
      { value: 'Vietnam -- History', scheme: 'lcsh' },
      { value: 'Public health -- Vietnam', scheme: 'mesh' },
    ]);
    expect(r.classification.lcc).toEqual(['DS556.5 .T39 2019']);
    expect(r).toMatchObject({
      place: 'New York',
      publisher: 'Oxford University Press',
      year: 2019,
      dateAsGiven: '[2019]',
    });
    expect(r.series).toEqual(['Oxford histories ; v. 3']);
    expect(r.physicalDescription).toBe('xii, 680 pages : maps ; 24 cm');
    expect(r.identifiers.isbn).toEqual(['9780192837264']);
    expect(r.warnings).toEqual(["020 $a: invalid ISBN '0192837266' (wrong ISBN-10 check digit)"]);
    expect(r.links.fullText).toEqual(['https://ebooks.example.org/history-of-vietnam.pdf']);
    expect(r.identifiers.url).toEqual(['https://catdir.example.org/toc/2019.html']);
    expect(r.holdings).toEqual([
      { institution: 'VNU-LIC', location: 'Kho mở tầng 3', callNumber: 'DS556.5 .T39 2019' },
    ]);
  });

  it('maps a thesis from 008 and 502, with packed 041 codes and 080', () => {
    const r = normalizeOk(fixture('marc21/fixtures/luan-an.xml'), 'marc');
    expect(r.type).toBe('thesis');
    expect(r.languages).toEqual(['vie', 'eng']);
    expect(r.classification.udc).toEqual(['004.8']);
    expect(r.subjects).toEqual([{ value: 'Sức khoẻ cộng đồng' }, { value: 'Mô hình hoá' }]);
    expect(r.links.fullText).toEqual(['https://luanan.example.edu.vn/files/2020/khoa.pdf']);
    expect(r.search.subjects).toEqual(['sức khỏe cộng đồng', 'mô hình hóa']);
  });

  it('reads a messy legacy export: keeps going and names every problem', () => {
    const r = normalizeOk(fixture('marc21/fixtures/messy-legacy.xml'), 'MARC21');
    expect(r.title).toBe('Lịch sử Việt Nam. Tập 2'); // TCVN3 repaired, $n joined
    expect(r.otherTitles).toEqual(['Duplicate title field']);
    expect(r.creators).toEqual([{ name: 'Trường Chinh' }]); // VNI repaired
    expect(r.publisher).toBe('Nhà xuất bản Chính trị quốc gia'); // NFD composed
    expect(r.publisher).toBe(r.publisher?.normalize('NFC'));
    expect(r.place).toBe('[S.l.]');
    expect(r.year).toBeUndefined();
    expect(r.dateAsGiven).toBe('[199-?]');
    expect(r.identifiers.isbn).toEqual([]);
    expect(r.identifiers.issn).toEqual(['1859-3100']);
    expect(r.subjects).toEqual([{ value: 'Lịch sử' }, { value: 'Việt Nam -- Lịch sử' }]);
    expect(r.warnings).toEqual([
      'leader: length 8, expected 24',
      '008: only 13 characters; fixed positions ignored',
      "020 $a: invalid ISBN '604123456X' (wrong ISBN-10 check digit)",
      "020 $a: invalid ISBN '604-1-23456-8' (wrong ISBN-10 check digit)",
      '100: converted from VNI encoding',
      '245: converted from TCVN3 encoding',
      '245: repeated; the first 245 is the title, this one is kept as an other title',
      "260: no year in '[199-?]'",
      '650: 2nd indicator 7 without $2; scheme unknown',
    ]);
  });

  it('finds the mapper of a tag written with spaces, and skips tags that are not three digits', () => {
    const xml =
      '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>' +
      '<datafield tag=" 245 " ind1="1" ind2="0"><subfield code="a">Tựa đề</subfield></datafield>' +
      '<datafield tag="FMT" ind1=" " ind2=" "><subfield code="a">BK</subfield></datafield>' +
      '<datafield tag="24" ind1=" " ind2=" "><subfield code="a">x</subfield></datafield>' +
      '<datafield tag="2450" ind1=" " ind2=" "><subfield code="a">y</subfield></datafield>' +
      '<datafield tag="650" ind1=" " ind2="0"><subfield code=" a ">Lịch sử\u00a0.</subfield>' +
      '<subfield code="z">Việt Nam\u3000;</subfield></datafield></record>';
    const r = normalizeOk(xml, 'marc21');
    expect(r.title).toBe('Tựa đề');
    expect(r.otherTitles).toEqual([]);
    expect(r.subjects).toEqual([{ value: 'Lịch sử -- Việt Nam', scheme: 'lcsh' }]);
    expect(r.warnings).toEqual([]);
  });
  it('reads LCCN (010), national bibliography numbers (015, 016 with its agency) and OCLC numbers (035) into identifiers.other', () => {
    const field = (tag: string, ind1: string, subfields: string): string =>
      `<datafield tag="${tag}" ind1="${ind1}" ind2=" ">${subfields}</datafield>`;
    const xml =
      '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>' +
      field(
        '010',
        ' ',
        '<subfield code="a">  2001012345 </subfield><subfield code="z">99000001</subfield>',
      ) +
      field(
        '015',
        ' ',
        '<subfield code="a">GB99 12345 (pbk.)</subfield><subfield code="2">bnb</subfield>',
      ) +
      field(
        '016',
        '7',
        '<subfield code="a">961234567</subfield><subfield code="2">DE-101</subfield>',
      ) +
      field('016', ' ', '<subfield code="a">20019876</subfield>') +
      field('016', '7', '<subfield code="a">55555</subfield>') +
      field('035', ' ', '<subfield code="a">(OCoLC)ocm01234567</subfield>') +
      field('035', ' ', '<subfield code="a">(VnHaNL)000123</subfield>') +
      field('035', ' ', '<subfield code="a">(OCoLC)không-số</subfield>') +
      field('245', '1', '<subfield code="a">Tựa đề</subfield>') +
      '</record>';
    const r = normalizeOk(xml, 'marc21');
    expect(r.identifiers.other).toEqual([
      'lccn:2001012345',
      'nbn:GB9912345',
      'nbd:de-101:961234567',
      'nbd:cacona:20019876',
      'oclc:1234567',
    ]);
    expect(r.warnings).toEqual([
      '016 $2: missing agency code (ind1 7 needs $2); number not read',
      "035 $a: not a valid OCLC '(OCoLC)không-số'",
    ]);
  });

  it('gives no other identifiers when the record has none', () => {
    expect(
      normalizeOk(fixture('marc21/fixtures/truyen-kieu.koha.xml'), 'marc21').identifiers.other,
    ).toEqual([]);
  });
});
