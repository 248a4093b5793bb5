import { fixture, normalizeOk } from '../testing/record-input';

const dc = (body: string): string =>
  `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">${body}</oai_dc:dc>`;

describe('oai_dc mapping', () => {
  it('maps a Vietnamese book: title in the record language, ISBD split, ISBN-10 converted, PDF link', () => {
    const r = normalizeOk(fixture('dublin-core/fixtures/truyen-kieu.dc.xml'), 'oai_dc');
    expect(r).toMatchObject({
      format: 'oai_dc',
      title: 'Truyện Kiều',
      subtitle: 'đoạn trường tân thanh',
      otherTitles: ['The Tale of Kieu'],
      creators: [{ name: 'Nguyễn Du' }],
      contributors: [{ name: 'Đào Duy Anh', role: 'chú giải' }],
      subjects: [{ value: 'Văn học Việt Nam' }, { value: 'Truyện thơ' }, { value: 'Việt Nam' }],
      classification: { ddc: ['895.9221'] },
      description: 'Truyện thơ Nôm gồm 3254 câu lục bát.',
      place: 'Hà Nội',
      publisher: 'Văn học',
      year: 2015,
      languages: ['vie'],
      type: 'book',
      physicalDescription: '435 tr. ; 21 cm',
      rights: ['Chỉ đọc tại chỗ'],
    });
    expect(r.identifiers.isbn).toEqual(['9786041234567']);
    expect(r.identifiers.other).toEqual([]); // oai_dc has no typed identifiers to read them from
    expect(r.links.fullText).toEqual([
      'https://thuvien.example.edu.vn/bitstream/123/45/truyen-kieu.pdf',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('maps a DSpace thesis: eu-repo type, handle, bitstream, repeated dates', () => {
    const r = normalizeOk(fixture('dublin-core/fixtures/luan-van-dspace.dc.xml'), 'oai_dc');
    expect(r.type).toBe('thesis');
    expect(r.year).toBe(2019);
    expect(r.identifiers.handle).toEqual(['123456789/4321']);
    expect(r.identifiers.url).toEqual(['https://repository.example.edu.vn/handle/123456789/4000']);
    expect(r.links.fullText).toEqual([
      'https://repository.example.edu.vn/bitstream/123456789/4321/1/LV_TranThiThuy.pdf',
    ]);
    expect(r.description?.split('\n\n')).toHaveLength(2);
    expect(r.search.creators).toEqual(['trần, thị thúy', 'lê văn hòa']);
  });

  it('maps an English article: DOI, valid and invalid ISSN, source as note', () => {
    const r = normalizeOk(fixture('dublin-core/fixtures/journal-article.dc.xml'), 'oai_dc');
    expect(r.type).toBe('article');
    expect(r.title).toBe('Rice yield and salinity intrusion in the Mekong Delta');
    expect(r.identifiers.doi).toEqual(['10.15625/2615-9783/16001']);
    expect(r.identifiers.issn).toEqual(['0866-7497']);
    expect(r.warnings).toEqual([
      "dc:identifier: invalid ISSN '1234-5678' (wrong ISSN check digit)",
    ]);
    expect(r.notes).toEqual(['Vietnam Journal of Earth Sciences; Vol. 43 No. 1 (2021)']);
    expect(r.languages).toEqual(['eng']);
  });

  it('turns decomposed (NFD) input into NFC and keeps the source tone placement for display', () => {
    const r = normalizeOk(
      dc(`<dc:title>${'Sức khoẻ và hoà bình'.normalize('NFD')}</dc:title>`),
      'oai_dc',
    );
    expect(r.title).toBe('Sức khoẻ và hoà bình');
    expect(r.title).toBe(r.title.normalize('NFC'));
    expect(r.search.title).toBe('sức khỏe và hòa bình');
    expect(r.search.titleFolded).toBe('suc khoe va hoa binh');
  });

  it('repairs a TCVN3 title and says so in a warning', () => {
    const r = normalizeOk(
      dc('<dc:title>LÞch sö ViÖt Nam</dc:title><dc:creator>TrÇn Träng Kim</dc:creator>'),
      'oai_dc',
    );
    expect(r.title).toBe('Lịch sử Việt Nam');
    expect(r.creators).toEqual([{ name: 'Trần Trọng Kim' }]);
    expect(r.warnings).toEqual([
      'dc:title: converted from TCVN3 encoding',
      'dc:creator: converted from TCVN3 encoding',
    ]);
  });

  it('keeps mixed scripts (Hán Nôm, English) intact while folding the Vietnamese', () => {
    const r = normalizeOk(
      dc('<dc:title>Truyện Kiều 傳翹 : bản Nôm và bản dịch English</dc:title>'),
      'oai_dc',
    );
    expect(r.title).toBe('Truyện Kiều 傳翹');
    expect(r.subtitle).toBe('bản Nôm và bản dịch English');
    expect(r.search.titleFolded).toBe('truyen kieu 傳翹 ban nom va ban dich english');
  });

  it('flags text that only partly decodes as TCVN3 and leaves it unchanged', () => {
    const r = normalizeOk(
      dc('<dc:title>X</dc:title><dc:publisher>Genève Zürich Köln ViÖt</dc:publisher>'),
      'oai_dc',
    );
    expect(r.publisher).toBe('Genève Zürich Köln ViÖt');
    expect(r.warnings).toEqual(['dc:publisher: looks like TCVN3-encoded text; left unchanged']);
  });

  it('warns about unknown languages and elements without dropping the record', () => {
    const r = normalizeOk(
      dc(
        '<dc:title>X</dc:title><dc:language>Klingonese</dc:language><dc:audience>kids</dc:audience>',
      ),
      'oai_dc',
    );
    expect(r.languages).toEqual([]);
    expect(r.warnings).toEqual([
      "dc:language: unknown language 'Klingonese'",
      'dc:audience: not a Dublin Core element; ignored',
    ]);
  });
});
