import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
} from '@elastic/elasticsearch/lib/api/types';
import type { FacetSetFields } from '../query/facet-sets';
import { HoldingFilters, holdingTerms, SearchTarget, TargetFields } from '../query/search-target';
import { allowedHoldingKeys, holdingsInTallies, holdingTallyAggregation } from './holding-keys';
import { WORK_FIELDS as FIELD } from './works-fields';
import type { WorkHolding } from './work-document';

const WORK_TARGET_FIELDS: TargetFields = {
  id: FIELD.id,
  sourceId: FIELD.sourceIds,
  libraryKind: FIELD.libraryKinds,
  province: FIELD.provinces,
  year: FIELD.years,
  languages: FIELD.languages,
  type: FIELD.types,
  subjects: FIELD.subjects,
  titleSort: FIELD.titleSort,
};

const given = (values: readonly string[] | undefined) => (values?.length ?? 0) > 0;

/**
 * A work is held by several libraries. One library filter is a term on the work's flat list
 * (sourceIds, libraryKinds, provinces); several together must hold for one holding (a
 * university library in Huế, not a university somewhere and any library in Huế), so they
 * become one terms query on the holdings' combination keys (holding-keys.ts).
 */
function workHoldingClauses(filters: HoldingFilters): QueryDslQueryContainer[] {
  const dimensions = [filters.sourceIds, filters.libraryKinds, filters.provinces].filter(given);
  if (dimensions.length < 2) return holdingTerms(filters, WORK_TARGET_FIELDS);
  return [{ terms: { [FIELD.holdingCombos]: allowedHoldingKeys(filters) } }];
}

/** The facets whose sets each work holds (toWorkDocument writes them). */
export const WORK_FACET_SETS: FacetSetFields = {
  languages: FIELD.languageSets,
  types: FIELD.typeSets,
  libraryKinds: FIELD.libraryKindSets,
};

/** The works index: filters and orders on the work's fields, facets counting works. */
export const WORKS_TARGET = new SearchTarget(
  WORK_TARGET_FIELDS,
  workHoldingClauses,
  WORK_FACET_SETS,
);

/** The holdings of a work that pass the library filters (the ones a search shows). */
export function holdingsPassing(
  holdings: readonly WorkHolding[],
  filters: HoldingFilters | undefined,
): WorkHolding[] {
  const passes = (values: readonly string[] | undefined, value: string | null | undefined) =>
    !values?.length || (value != null && values.includes(value));
  return holdings.filter(
    (held) =>
      passes(filters?.sourceIds, held.sourceId) &&
      passes(filters?.libraryKinds, held.library.kind) &&
      passes(filters?.provinces, held.library.province),
  );
}

/**
 * Counts the records (holdings) behind the matching works that pass the library filters:
 * the sum of recordCount without such filters, else the holdings matching them one by one.
 */
export function holdingsCountAggregation(
  filters: HoldingFilters | undefined,
): AggregationsAggregationContainer {
  const allowed = allowedHoldingKeys(filters ?? {});
  if (allowed.length === 0) return { sum: { field: FIELD.recordCount } };
  return holdingTallyAggregation(FIELD.holdingTallies, allowed);
}

/** The number an aggregation from holdingsCountAggregation came back with. */
export function holdingsCountOf(aggregate: unknown): number {
  const found = aggregate as
    { value?: number; buckets?: { key: string; doc_count: number }[] } | undefined;
  if (found?.buckets) return holdingsInTallies(found.buckets);
  return Math.round(found?.value ?? 0);
}
