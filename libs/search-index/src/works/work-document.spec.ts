import { normalizeRecord } from '@hop-luu/records';
import { toCatalogueDocument } from '../catalogue/catalogue-document';
import { representativeOf, toWorkDocument } from './work-document';
import { holdingsPassing, WORKS_TARGET } from './works-target';

function recordOf(sourceId: string, id: string, dc: string, province: string | null) {
  const result = normalizeRecord({
    sourceId,
    oaiIdentifier: id,
    datestamp: '2024-01-01T00:00:00Z',
    deleted: false,
    setSpecs: [],
    metadataPrefix: 'oai_dc',
    metadataXml: `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc}</oai_dc:dc>`,
  });
  if (!result.ok) throw new Error(result.error.message);
  const kind = sourceId === 'nlv' ? 'national' : 'provincial';
  return toCatalogueDocument(
    result.record,
    { name: `Thư viện ${sourceId}`, kind, province },
    { id: 'w1', rule: 'title-author', facts: [] },
  );
}

const sparse = recordOf('hue', 'oai:hue:1', '<dc:title>Truyện Kiều</dc:title>', 'Huế');
const full = recordOf(
  'nlv',
  'oai:nlv:9',
  '<dc:title>Truyện Kiều</dc:title><dc:creator>Nguyễn Du</dc:creator><dc:date>1990</dc:date>' +
    '<dc:subject>Thơ</dc:subject><dc:language>vie</dc:language><dc:title>Đoạn trường tân thanh</dc:title>',
  'Hà Nội',
);

describe('toWorkDocument', () => {
  const work = toWorkDocument('w1', [sparse, full]);

  it('shows the most complete member, whatever order members come in', () => {
    expect(work.representativeId).toBe(full.id);
    expect(toWorkDocument('w1', [full, sparse]).representativeId).toBe(full.id);
    expect(work.representative.creators).toEqual(['Nguyễn Du']);
    expect(work.representative).not.toHaveProperty('search');
  });

  it('breaks ties by the smallest record id', () => {
    const twin = { ...sparse, id: 'a:first' };
    expect(representativeOf([sparse, twin]).id).toBe('a:first');
  });

  it("is found by any member's words: search forms of every member, once each", () => {
    expect(work.search.titleFolded).toEqual(['truyen kieu']);
    expect(work.search.otherTitlesFolded).toEqual(['doan truong tan thanh']);
  });

  it('holds one holding per member, national libraries first, and counts them', () => {
    expect(work.holdings.map((held) => held.sourceId)).toEqual(['nlv', 'hue']);
    expect(work.recordCount).toBe(2);
    expect(work.sourceIds).toEqual(['nlv', 'hue']);
    expect(work.provinces).toEqual(['Hà Nội', 'Huế']);
    expect(work.years).toEqual([1990]);
  });

  it('holds its sets of languages, types and kinds of library, each as one value', () => {
    expect(JSON.parse(work.facetSets.languages)).toEqual([...work.languages].sort());
    expect(JSON.parse(work.facetSets.types)).toEqual([...work.types].sort());
    expect(JSON.parse(work.facetSets.libraryKinds)).toEqual(['national', 'provincial']);
  });

  it('shows only the holdings that pass the library filters', () => {
    expect(holdingsPassing(work.holdings, { provinces: ['Huế'] }).map((h) => h.sourceId)).toEqual([
      'hue',
    ]);
    expect(holdingsPassing(work.holdings, undefined)).toHaveLength(2);
  });
});

describe('WORKS_TARGET', () => {
  it('filters one library field on the flat list, several on one nested holding', () => {
    expect(WORKS_TARGET.filterClauses({ libraryKinds: ['national'] })).toEqual([
      { terms: { libraryKinds: ['national'] } },
    ]);
    expect(
      WORKS_TARGET.filterClauses({ libraryKinds: ['provincial'], provinces: ['Huế'] }),
    ).toEqual([
      {
        nested: {
          path: 'holdings',
          query: {
            bool: {
              filter: [
                { terms: { 'holdings.library.kind': ['provincial'] } },
                { terms: { 'holdings.library.province': ['Huế'] } },
              ],
            },
          },
        },
      },
    ]);
  });

  it('counts languages, types and kinds of library over their sets, other facets on their fields', () => {
    expect(WORKS_TARGET.facetAggregations(['types', 'provinces'])).toEqual({
      types: { terms: { field: 'facetSets.types', size: 10_000 } },
      provinces: { terms: { field: 'provinces', size: 70 } },
    });
    expect(WORKS_TARGET.facetsNeedTotal(['types'])).toBe(true);
    expect(WORKS_TARGET.facetsNeedTotal(['provinces'])).toBe(false);
    expect(WORKS_TARGET.facetAggregations(['types'], { sets: false })).toEqual({
      types: { terms: { field: 'types', size: 10 } },
    });
  });

  it('orders by work id last, so search_after pages never overlap', () => {
    expect(WORKS_TARGET.sortFor('TITLE')).toEqual([{ titleSort: 'asc' }, { id: 'asc' }]);
  });
});
