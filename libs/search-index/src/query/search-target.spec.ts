import { RECORDS_TARGET } from './search-target';
import { searchQuery, textQuery } from './search-query';

describe('RECORDS_TARGET', () => {
  it('turns each filter into one clause on the record fields, values OR-ed', () => {
    expect(
      RECORDS_TARGET.filterClauses({
        sourceIds: ['nlv', 'hcm'],
        provinces: ['Hà Nội'],
        types: ['book'],
        yearFrom: 1990,
      }),
    ).toEqual([
      { terms: { sourceId: ['nlv', 'hcm'] } },
      { terms: { 'library.province': ['Hà Nội'] } },
      { terms: { type: ['book'] } },
      { range: { year: { gte: 1990, lte: undefined } } },
    ]);
  });

  it('ends every order with the id, so pages never overlap', () => {
    expect(RECORDS_TARGET.sortFor('YEAR_DESC')).toEqual([
      { year: { order: 'desc', missing: '_last' } },
      { id: 'asc' },
    ]);
    expect(RECORDS_TARGET.sortFor('RELEVANCE')).toEqual([
      { _score: { order: 'desc' } },
      { id: 'asc' },
    ]);
  });

  it('asks only for the facets named', () => {
    expect(Object.keys(RECORDS_TARGET.facetAggregations(['types', 'provinces']))).toEqual([
      'types',
      'provinces',
    ]);
  });
});

describe('searchQuery', () => {
  it('matches everything when there is no text, still filtered', () => {
    const filter = [{ terms: { type: ['book'] } }];
    expect(searchQuery('  ', filter)).toEqual({
      bool: { must: [{ match_all: {} }], filter },
    });
  });

  it('finds an ISBN typed in either form by the identifiers field', () => {
    const [clause] = textQuery('0-306-40615-2');
    expect(JSON.stringify(clause)).toContain('"identifiers":["9780306406157","0306406152"]');
  });
});
