import { normalizeRecord } from '@hop-luu/records';
import { holdingCombinationCount, holdingKeysOf, holdingsInTallies } from './holding-keys';
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
  it('filters one library field on the flat list, several on one holding’s combination keys', () => {
    expect(WORKS_TARGET.filterClauses({ libraryKinds: ['national'] })).toEqual([
      { terms: { libraryKinds: ['national'] } },
    ]);
    expect(
      WORKS_TARGET.filterClauses({ libraryKinds: ['provincial'], provinces: ['Huế', 'Đà Nẵng'] }),
    ).toEqual([{ terms: { holdingCombos: ['k=provincial|p=Huế', 'k=provincial|p=Đà Nẵng'] } }]);
  });

  it('tallies a work’s holdings per combination, so the passing ones can be counted', () => {
    const hue = { name: 'Thư viện tỉnh Thừa Thiên Huế', kind: 'provincial', province: 'Huế' };
    const held = (sourceId: string) => ({
      sourceId,
      recordId: `${sourceId}:1`,
      oaiIdentifier: '1',
      library: hue,
    });
    const keys = holdingKeysOf([held('tv-hue'), held('tv-hue'), held('tv-hue-2')]);
    expect(keys.combos).toHaveLength(7 + 4);
    expect(keys.tallies).toContain('k=provincial|p=Huế×3');
    expect(keys.tallies).toContain('s=tv-hue|k=provincial×2');
    expect(
      holdingsInTallies([
        { key: 'k=provincial|p=Huế×3', doc_count: 2 },
        { key: 'k=provincial|p=Huế×1', doc_count: 5 },
      ]),
    ).toBe(11);
    expect(holdingCombinationCount({ sourceIds: ['a', 'b', 'a'], provinces: ['Huế'] })).toBe(2);
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
