import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
} from '@elastic/elasticsearch/lib/api/types';
import type { FacetSetFields } from '../query/facet-sets';
import { HoldingFilters, holdingTerms, SearchTarget, TargetFields } from '../query/search-target';
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

/** The fields of one holding inside the nested holdings. */
const ONE_HOLDING = {
  sourceId: FIELD.holdingSourceId,
  libraryKind: FIELD.holdingKind,
  province: FIELD.holdingProvince,
};

const given = (values: readonly string[] | undefined) => (values?.length ?? 0) > 0;

/**
 * A work is held by several libraries. One library filter is a term on the work's flat list
 * (sourceIds, libraryKinds, provinces); several together must hold for one holding (a
 * university library in Huế, not a university somewhere and any library in Huế), so they
 * become one nested query over the holdings.
 */
function workHoldingClauses(filters: HoldingFilters): QueryDslQueryContainer[] {
  const dimensions = [filters.sourceIds, filters.libraryKinds, filters.provinces].filter(given);
  if (dimensions.length < 2) return holdingTerms(filters, WORK_TARGET_FIELDS);
  const onOneHolding = holdingTerms(filters, ONE_HOLDING);
  return [{ nested: { path: FIELD.holdings, query: { bool: { filter: onOneHolding } } } }];
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
  const onOneHolding = holdingTerms(filters ?? {}, ONE_HOLDING);
  if (onOneHolding.length === 0) return { sum: { field: FIELD.recordCount } };
  return {
    nested: { path: FIELD.holdings },
    aggs: { passing: { filter: { bool: { filter: onOneHolding } } } },
  };
}

/** The number an aggregation from holdingsCountAggregation came back with. */
export function holdingsCountOf(aggregate: unknown): number {
  const found = aggregate as { value?: number; passing?: { doc_count?: number } } | undefined;
  return Math.round(found?.passing?.doc_count ?? found?.value ?? 0);
}
