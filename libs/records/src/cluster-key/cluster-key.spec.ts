import { normalizeOk } from '../testing/record-input';
import { buildClusterKey, type ClusterSource } from './cluster-key';
import { normalizeEdition } from './edition';
import { familyName } from './family-name';
import { titleKey } from './title-key';

const dc = (body: string): string =>
  `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">${body}</oai_dc:dc>`;

function marc(fields: Record<string, string>, leader = '00000nam a2200000 a 4500'): string {
  const datafields = Object.entries(fields)
    .map(([tagAndInd, subfields]) => {
      const [tag, ind2 = ' '] = tagAndInd.split('/');
      const subs = subfields
        .split('|')
        .filter(Boolean)
        .map((s) => `<subfield code="${s[0]}">${s.slice(1)}</subfield>`)
        .join('');
      return `<datafield tag="${tag}" ind1="1" ind2="${ind2}">${subs}</datafield>`;
    })
    .join('');
  return `<record xmlns="http://www.loc.gov/MARC21/slim"><leader>${leader}</leader>${datafields}</record>`;
}

describe('familyName', () => {
  it.each([
    ['Nguyễn Du', 'nguyen'],
    ['Đặng Thai Mai', 'dang'],
    ['Nguyen Van A', 'nguyen'],
    ['Nguyễn, Du,', 'nguyen'],
    ['Smith, John', 'smith'],
    ['John Smith', 'smith'],
    ['Taylor, K. W. (Keith Weller)', 'taylor'],
  ])('%s → %s', (name, expected) => {
    expect(familyName(name)).toBe(expected);
  });
});

describe('normalizeEdition', () => {
  it.each([
    ['Tái bản lần thứ 2', '2'],
    ['Tái bản lần thứ hai, có sửa chữa, bổ sung', '2'],
    ['In lần 2', '2'],
    ['2nd ed.', '2'],
    ['Second edition', '2'],
    ['Xuất bản lần thứ nhất', '1'],
    ['Rev. ed.', 'rev'],
    [undefined, ''],
  ])('%s → %s', (edition, expected) => {
    expect(normalizeEdition(edition)).toBe(expected);
  });
});

describe('titleKey', () => {
  it('drops English articles, punctuation and diacritics', () => {
    expect(titleKey('The history of Vietnam: a reader!', 0, ['eng'])).toBe(
      'history of vietnam a reader',
    );
  });

  it('keeps Vietnamese words that look like articles', () => {
    expect(titleKey('La Hán và chùa Việt', 0, ['vie'])).toBe('la han va chua viet');
    expect(titleKey('A Phủ', 0, ['vie'])).toBe('a phu');
  });

  it('drops French articles only for French records, including elision', () => {
    expect(titleKey("L'amant", 0, ['fra'])).toBe('amant');
    expect(titleKey('La peste', 0, ['fra'])).toBe('peste');
  });

  it("keeps the first letter of 'Đ' words: đ folds to d before the key is built", () => {
    expect(titleKey('Đất rừng phương Nam', 0, ['vie'])).toBe('dat rung phuong nam');
  });
});

describe('buildClusterKey', () => {
  const base: ClusterSource = {
    isbn: [],
    issn: [],
    title: 'Số đỏ',
    titleNonfiling: 0,
    creators: [{ name: 'Vũ Trọng Phụng' }],
    year: 2016,
    languages: ['vie'],
    type: 'book',
  };

  it('prefers ISBN, then ISSN for serials, then the title rule', () => {
    expect(buildClusterKey({ ...base, isbn: ['9786041234567'], issn: ['0866-7497'] }).key).toBe(
      'isbn:9786041234567',
    );
    expect(buildClusterKey({ ...base, type: 'journal', issn: ['0866-7497'] }).key).toBe(
      'issn:0866-7497',
    );
    expect(buildClusterKey({ ...base, edition: 'Tái bản lần thứ 3' })).toEqual({
      key: 'title:so do|vu|2016|3',
      basis: 'title',
      parts: { title: 'so do', creator: 'vu', year: '2016', edition: '3' },
    });
  });

  it("does not group articles by their journal's ISSN", () => {
    expect(buildClusterKey({ ...base, type: 'article', issn: ['0866-7497'] }).basis).toBe('title');
  });
});

describe('cluster keys across libraries and formats', () => {
  it('joins an oai_dc record (ISBN-10) and a MARC record (ISBN-13) of the same book', () => {
    const a = normalizeOk(
      dc('<dc:title>Truyện Kiều</dc:title><dc:identifier>ISBN 604-1-23456-7</dc:identifier>'),
      'oai_dc',
    );
    const b = normalizeOk(
      marc({ '020': 'a9786041234567 (bìa cứng)', '245/0': 'aTruyện Kiều /' }),
      'marc21',
    );
    expect(a.cluster.key).toBe('isbn:9786041234567');
    expect(b.cluster.key).toBe(a.cluster.key);
  });

  it('joins records without ISBN when title, first author, year and edition agree, despite spelling and ISBD differences', () => {
    const fromRepository = normalizeOk(
      dc(
        '<dc:title>Sức khoẻ cộng đồng : giáo trình</dc:title><dc:creator>Đặng Văn Hoà</dc:creator>' +
          '<dc:date>2018</dc:date><dc:language>vi</dc:language>',
      ),
      'oai_dc',
      { sourceId: 'dspace-ump' },
    );
    const fromKoha = normalizeOk(
      marc({
        '100': 'aĐặng, Văn Hòa,',
        '245/0': 'aSức khỏe cộng đồng :|bgiáo trình /|cĐặng Văn Hòa.',
        '260': 'aHà Nội :|bY học,|cc2018.',
      }),
      'marc21',
      { sourceId: 'koha-hmu' },
    );
    expect(fromRepository.cluster.key).toBe('title:suc khoe cong dong|dang|2018|');
    expect(fromKoha.cluster.key).toBe(fromRepository.cluster.key);
    expect(fromKoha.title).toBe('Sức khỏe cộng đồng'); // display keeps each source's spelling
    expect(fromRepository.title).toBe('Sức khoẻ cộng đồng');
  });

  it('keeps different editions apart', () => {
    const first = normalizeOk(
      marc({ '100': 'aVũ, Trọng Phụng', '245/0': 'aSố đỏ /', '260': 'c2016' }),
      'marc21',
    );
    const third = normalizeOk(
      marc({
        '100': 'aVũ, Trọng Phụng',
        '245/0': 'aSố đỏ /',
        '250': 'aTái bản lần thứ 3',
        '260': 'c2016',
      }),
      'marc21',
    );
    const later = normalizeOk(
      marc({ '100': 'aVũ, Trọng Phụng', '245/0': 'aSố đỏ /', '260': 'c2020' }),
      'marc21',
    );
    expect(new Set([first.cluster.key, third.cluster.key, later.cluster.key]).size).toBe(3);
  });

  it('keeps different ISBNs (e.g. two editions) apart', () => {
    const a = normalizeOk(marc({ '020': 'a9786041234567', '245/0': 'aSố đỏ' }), 'marc21');
    const b = normalizeOk(marc({ '020': 'a9786049007774', '245/0': 'aSố đỏ' }), 'marc21');
    expect(a.cluster.key).not.toBe(b.cluster.key);
  });
});
