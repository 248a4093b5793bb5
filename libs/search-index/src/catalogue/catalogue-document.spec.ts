import { normalizeRecord } from '@hop-luu/records';
import { toCatalogueDocument, toUnmatchedDocument, withWork } from './catalogue-document';

const MARC = `<record xmlns="http://www.loc.gov/MARC21/slim">
  <leader>00000nam a2200000 a 4500</leader>
  <controlfield tag="008">240101s2019    vm            000 0 vie d</controlfield>
  <datafield tag="020" ind1=" " ind2=" "><subfield code="a">9780306406157</subfield></datafield>
  <datafield tag="100" ind1="1" ind2=" "><subfield code="a">Nguyễn Du</subfield></datafield>
  <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Truyện Kiều /</subfield><subfield code="c">Nguyễn Du</subfield></datafield>
  <datafield tag="852" ind1=" " ind2=" "><subfield code="a">Thư viện Quốc gia</subfield><subfield code="h">895.9221 NGD</subfield></datafield>
</record>`;

describe('toCatalogueDocument', () => {
  const result = normalizeRecord({
    sourceId: 'nlv',
    oaiIdentifier: 'oai:nlv.vn:1',
    datestamp: '2024-01-01T00:00:00Z',
    deleted: false,
    setSpecs: [],
    metadataPrefix: 'marc21',
    metadataXml: MARC,
  });
  if (!result.ok) throw new Error(result.error.message);
  const library = { name: 'Thư viện Quốc gia Việt Nam', kind: 'national', province: 'Hà Nội' };
  const work = { id: 'w0123456789abcdef', rule: 'first-record', facts: [] };
  const doc = toCatalogueDocument(result.record, library, work);

  it('carries the work matching gave it', () => {
    expect(doc.work).toEqual(work);
  });

  it('has no work before matching, and gets one placed on the same document', () => {
    const unmatched = toUnmatchedDocument(result.record, library);
    expect(unmatched).not.toHaveProperty('work');
    const placed = withWork(unmatched, work);
    expect(placed).toBe(unmatched);
    expect(placed.work).toEqual(work);
  });

  it('keys the document by source and OAI identifier', () => {
    expect(doc.id).toBe('nlv:oai:nlv.vn:1');
  });

  it('lets an ISBN be found in its 13- and 10-digit forms', () => {
    expect(doc.isbn).toEqual(['9780306406157']);
    expect(doc.identifiers).toEqual(expect.arrayContaining(['9780306406157']));
    // A 978-prefixed ISBN-13 has an ISBN-10 with its own check digit.
    expect(doc.identifiers).toEqual(expect.arrayContaining(['0306406152']));
  });

  it('says which measured fields it has and that its values arrived clean (data-quality report)', () => {
    // 008 gives the year and language; no subject field.
    expect(doc.quality).toEqual({
      present: ['TITLE', 'CREATOR', 'YEAR', 'ISBN_ISSN', 'LANGUAGE'],
      encoding: [],
      examples: [],
    });
  });

  it('carries the library facts used by facets', () => {
    expect(doc.library).toEqual({
      name: 'Thư viện Quốc gia Việt Nam',
      kind: 'national',
      province: 'Hà Nội',
    });
  });

  it('suggests the title with and without diacritics', () => {
    expect(doc.suggest.input).toEqual(
      expect.arrayContaining([expect.stringMatching(/kiều/i), expect.stringMatching(/kieu/i)]),
    );
  });
});

describe('toCatalogueDocument: encoding problems for the quality report', () => {
  it('names each problem as the API does, with its example', () => {
    const result = normalizeRecord({
      sourceId: 'hue',
      oaiIdentifier: 'oai:hue.vn:7',
      datestamp: '2024-01-01T00:00:00Z',
      deleted: false,
      setSpecs: [],
      metadataPrefix: 'oai_dc',
      metadataXml: `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Nguyeãn Du</dc:title><dc:creator>T\uFFFDo</dc:creator></oai_dc:dc>`,
    });
    if (!result.ok) throw new Error(result.error.message);
    const { quality } = toUnmatchedDocument(result.record, {
      name: 'Huế',
      kind: 'provincial',
      province: null,
    });
    expect(quality.present).toEqual(['TITLE', 'CREATOR']);
    expect(quality.encoding).toEqual(['VNI', 'INVALID_BYTES']);
    expect(quality.examples[0]).toEqual({
      kind: 'VNI',
      field: 'dc:title',
      before: 'Nguyeãn Du',
      after: 'Nguyễn Du',
    });
  });
});
