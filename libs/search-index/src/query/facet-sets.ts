import type { AggregationsAggregationContainer } from '@elastic/elasticsearch/lib/api/types';
import type { FacetName } from './search-target';

/*
 * Facets counted from a single-valued field. On the works index `types` and `libraryKinds`
 * are multi-valued (a work held by two kinds of library counts for both), and a terms
 * aggregation reads a multi-valued field several times slower per document than a
 * single-valued one: three of them made a works search's counts cost about twice a record
 * search's. So each work also holds, per such facet, its set of values as one value
 * (`["national","provincial"]`): a terms aggregation over the sets returns every set with the
 * number of works having it, and a value's count is the sum over the sets that hold it — the
 * same number of works as a terms aggregation on the facet's own field, exactly. There are
 * few sets (the bench's 633,613 works have at most a few dozen per facet).
 */

/** A facet's value and how many documents have it. */
export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/** The facets an index also keeps as sets, and the field of each. */
export type FacetSetFields = Readonly<Partial<Record<FacetName, string>>>;

/**
 * Sets one search may count. Far above what a catalogue has: a search that meets more is
 * counted again from the facets' own fields (see readFacetSets).
 */
const MAX_SETS = 10_000;

/** One document's set of values of a facet, as the one value its set field holds. */
export function facetSetKey(values: readonly string[]): string {
  return JSON.stringify([...new Set(values)].sort());
}

export function facetSetAggregation(field: string): AggregationsAggregationContainer {
  return { terms: { field, size: MAX_SETS } };
}

interface SetsAggregate {
  readonly buckets?: readonly { key: string; doc_count: number }[];
  readonly sum_other_doc_count?: number;
}

/** Elasticsearch's order of terms buckets: most documents first, then the key's UTF-8 bytes. */
function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || Buffer.compare(Buffer.from(a.value), Buffer.from(b.value));
}

/**
 * A facet's top `size` values from its sets aggregation, or undefined when that did not see
 * every matching document (more sets than it returns, or documents without a set, as in an
 * index built before the sets existed): `matched` is the search's exact number of matches.
 */
export function readFacetSets(
  aggregate: unknown,
  matched: number,
  size: number,
): FacetCount[] | undefined {
  const found = aggregate as SetsAggregate | undefined;
  const buckets = found?.buckets ?? [];
  const seen = buckets.reduce((sum, bucket) => sum + bucket.doc_count, 0);
  if ((found?.sum_other_doc_count ?? 0) > 0 || seen !== matched) return undefined;
  const counts = new Map<string, number>();
  for (const bucket of buckets)
    for (const value of JSON.parse(bucket.key) as string[])
      counts.set(value, (counts.get(value) ?? 0) + bucket.doc_count);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort(byCountThenValue)
    .slice(0, size);
}
