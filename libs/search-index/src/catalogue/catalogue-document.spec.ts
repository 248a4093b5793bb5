import { normalizeRecord } from '@hop-luu/records';
import { toCatalogueDocument } from './catalogue-document';

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
  const doc = toCatalogueDocument(result.record, {
    name: 'Thư viện Quốc gia Việt Nam',
    kind: 'national',
    province: 'Hà Nội',
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
