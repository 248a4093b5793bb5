import type { AggregationsAggregationContainer } from '@elastic/elasticsearch/lib/api/types';
import type { HoldingFilters } from '../query/search-target';
import type { WorkHolding } from './work-document';

/*
 * Library filters on a work's holdings without nested documents. Each combination of a
 * holding's source, kind of library and province is a key ('k=university|p=Huế'): a work
 * lists the keys of its holdings (`holdingCombos`), and each with how many of its holdings
 * have it (`holdingTallies`: 'k=university|p=Huế×2'). Filters on several of these together
 * match one holding: a term on every combination they allow. The holdings passing them are
 * counted from the tallies: a terms aggregation over the allowed ones, each bucket's works
 * times its number. Nested holdings did the same, but made every search on the index pay for
 * their hidden documents (a works search took about 30 % more Elasticsearch time; bench/README).
 */

type Dimension = 's' | 'k' | 'p';

const TALLY = '×';

/** How many combinations of library filters one search may ask for. */
export const MAX_HOLDING_COMBINATIONS = 1_000;

/** Tally buckets read when counting holdings: far more than the combinations allowed. */
const TALLY_BUCKETS = 10_000;

/** A holding's value on each dimension it has. */
function valuesOf(held: WorkHolding): [Dimension, string][] {
  const values: [Dimension, string][] = [
    ['s', held.sourceId],
    ['k', held.library.kind],
  ];
  if (held.library.province) values.push(['p', held.library.province]);
  return values;
}

/** Every non-empty combination, in dimension order. */
function combinations<T>(items: readonly T[]): T[][] {
  const all: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++)
    all.push(items.filter((_, i) => mask & (1 << i)));
  return all;
}

const keyOf = (parts: readonly [Dimension, string][]) =>
  parts.map(([dimension, value]) => `${dimension}=${value}`).join('|');

/** A work's combination keys, each once, and its tallies (see above). */
export function holdingKeysOf(holdings: readonly WorkHolding[]): {
  combos: string[];
  tallies: string[];
} {
  const counts = new Map<string, number>();
  for (const held of holdings)
    for (const parts of combinations(valuesOf(held))) {
      const key = keyOf(parts);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return {
    combos: [...counts.keys()],
    tallies: [...counts].map(([key, n]) => `${key}${TALLY}${n}`),
  };
}

/** The combinations the library filters allow (none when they name no library dimension). */
export function allowedHoldingKeys(filters: HoldingFilters): string[] {
  const given: [Dimension, readonly string[]][] = [];
  if (filters.sourceIds?.length) given.push(['s', [...new Set(filters.sourceIds)]]);
  if (filters.libraryKinds?.length) given.push(['k', [...new Set(filters.libraryKinds)]]);
  if (filters.provinces?.length) given.push(['p', [...new Set(filters.provinces)]]);
  if (given.length === 0) return [];
  let partials: [Dimension, string][][] = [[]];
  for (const [dimension, values] of given)
    partials = partials.flatMap((parts) =>
      values.map((value): [Dimension, string][] => [...parts, [dimension, value]]),
    );
  return partials.map(keyOf);
}

/** How many combinations `filters` would make, without making them. */
export function holdingCombinationCount(filters: HoldingFilters): number {
  const sizes = [filters.sourceIds, filters.libraryKinds, filters.provinces]
    .filter((values) => values?.length)
    .map((values) => new Set(values).size);
  return sizes.length === 0 ? 0 : sizes.reduce((a, b) => a * b, 1);
}

/** Lucene regular-expression syntax characters, escaped so a key matches only itself. */
function literal(text: string): string {
  return text.replace(/[.?+*|{}[\]()"\\#@&<>~]/g, (c) => `\\${c}`);
}

/** The tallies of the allowed combinations, one bucket per (combination, number). */
export function holdingTallyAggregation(
  field: string,
  allowed: readonly string[],
): AggregationsAggregationContainer {
  const include = `(${allowed.map(literal).join('|')})${TALLY}[0-9]+`;
  return { terms: { field, include, size: TALLY_BUCKETS } };
}

/** The holdings a tally aggregation counts: each bucket's works times its number. */
export function holdingsInTallies(buckets: readonly { key: string; doc_count: number }[]): number {
  return buckets.reduce(
    (sum, bucket) =>
      sum + bucket.doc_count * Number(bucket.key.slice(bucket.key.lastIndexOf(TALLY) + 1)),
    0,
  );
}
