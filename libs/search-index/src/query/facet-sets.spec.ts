import { facetSetKey, readFacetSets } from './facet-sets';

/** Kinds of library of six works: what a multi-valued libraryKinds field holds. */
const works: string[][] = [
  ['national', 'provincial'],
  ['university'],
  ['university', 'provincial'],
  ['provincial'],
  ['national'],
  [],
];

/** What a terms aggregation does on a multi-valued field: works per value, most first, then by value. */
function termsOf(values: string[][], size: number) {
  const counts = new Map<string, number>();
  for (const list of values) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, size);
}

/** A terms aggregation over the works' set field: one bucket per distinct set. */
function setsAggregate(docs: string[][], sumOther = 0) {
  const counts = new Map<string, number>();
  for (const doc of docs) counts.set(facetSetKey(doc), (counts.get(facetSetKey(doc)) ?? 0) + 1);
  const buckets = [...counts].map(([key, doc_count]) => ({ key, doc_count }));
  return { buckets, sum_other_doc_count: sumOther };
}

describe('facet sets', () => {
  it('count each value as a terms aggregation on the facet’s own field would', () => {
    expect(readFacetSets(setsAggregate(works), works.length, 10)).toEqual(termsOf(works, 10));
    expect(readFacetSets(setsAggregate(works), works.length, 10)).toEqual([
      { value: 'provincial', count: 3 },
      { value: 'national', count: 2 },
      { value: 'university', count: 2 },
    ]);
  });

  it('keep only the most frequent values', () => {
    expect(readFacetSets(setsAggregate(works), works.length, 1)).toEqual([
      { value: 'provincial', count: 3 },
    ]);
  });

  it('name a set once, whatever order and repeats its values come in', () => {
    expect(facetSetKey(['vie', 'eng', 'vie'])).toBe(facetSetKey(['eng', 'vie']));
  });

  it('give up when they did not see every match: too many sets, or works without one', () => {
    expect(readFacetSets(setsAggregate(works, 3), works.length + 3, 10)).toBeUndefined();
    expect(readFacetSets({ buckets: [] }, 12, 10)).toBeUndefined();
    expect(readFacetSets(undefined, 0, 10)).toEqual([]);
  });
});
