import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
  Sort,
} from '@elastic/elasticsearch/lib/api/types';
import { CATALOGUE_FIELDS as FIELD } from '../catalogue/catalogue-fields';
import { FacetCount, facetSetAggregation, FacetSetFields, readFacetSets } from './facet-sets';

/** What a search may be narrowed by. Values within one field are OR-ed; fields are AND-ed. */
export interface CatalogueFilters {
  readonly sourceIds?: readonly string[];
  readonly libraryKinds?: readonly string[];
  readonly provinces?: readonly string[];
  readonly yearFrom?: number;
  readonly yearTo?: number;
  readonly languages?: readonly string[];
  readonly types?: readonly string[];
  readonly subjects?: readonly string[];
}

export const SEARCH_ORDERS = ['RELEVANCE', 'YEAR_DESC', 'YEAR_ASC', 'TITLE'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export const FACET_NAMES = [
  'sources',
  'libraryKinds',
  'provinces',
  'years',
  'languages',
  'types',
  'subjects',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** How many values each facet lists (its most frequent). */
export const FACET_SIZES: Readonly<Record<FacetName, number>> = {
  sources: 100,
  libraryKinds: 10,
  provinces: 70,
  years: 50,
  languages: 30,
  types: 10,
  subjects: 20,
};

/** The holding library's side of the filters: by which source, kind of library, province. */
export type HoldingFilters = Pick<CatalogueFilters, 'sourceIds' | 'libraryKinds' | 'provinces'>;

/** Where one index keeps what filters, sorts and facets name. */
export interface TargetFields {
  /** Unique per document: the tiebreaker of every order. */
  readonly id: string;
  readonly sourceId: string;
  readonly libraryKind: string;
  readonly province: string;
  readonly year: string;
  readonly languages: string;
  readonly type: string;
  readonly subjects: string;
  readonly titleSort: string;
}

/** How facets are asked: from the index's facet sets where it has them, or each on its own field. */
export interface FacetOptions {
  /** False: every facet on its own field (when the sets could not count a search). */
  readonly sets?: boolean;
}

interface BucketsAggregate {
  readonly buckets?: readonly { key: string | number; doc_count: number }[];
}

/**
 * One index a search runs on (records or works): the same filters, orders and facets, each
 * on that index's fields. `holdingClauses` is the index's own: a record has one library, a work
 * several (its holdings). `facetSets`: facets the index also counts from a set per document.
 */
export class SearchTarget {
  constructor(
    readonly fields: TargetFields,
    private readonly holdingClauses: (filters: HoldingFilters) => QueryDslQueryContainer[],
    private readonly facetSets: FacetSetFields = {},
  ) {}

  filterClauses(filters: CatalogueFilters | undefined): QueryDslQueryContainer[] {
    if (!filters) return [];
    const clauses = this.holdingClauses(filters);
    const terms = (field: string, values: readonly string[] | undefined) => {
      if (values?.length) clauses.push({ terms: { [field]: [...values] } });
    };
    terms(this.fields.languages, filters.languages);
    terms(this.fields.type, filters.types);
    terms(this.fields.subjects, filters.subjects);
    if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
      const range = { gte: filters.yearFrom, lte: filters.yearTo };
      clauses.push({ range: { [this.fields.year]: range } });
    }
    return clauses;
  }

  /** Every order ends with the id, so search_after pages never overlap or skip. */
  sortFor(order: SearchOrder): Sort {
    const { id, year, titleSort } = this.fields;
    const tiebreaker = { [id]: 'asc' as const };
    switch (order) {
      case 'YEAR_DESC':
        return [{ [year]: { order: 'desc', missing: '_last' } }, tiebreaker];
      case 'YEAR_ASC':
        return [{ [year]: { order: 'asc', missing: '_last' } }, tiebreaker];
      case 'TITLE':
        return [{ [titleSort]: 'asc' }, tiebreaker];
      default:
        return [{ _score: { order: 'desc' } }, tiebreaker];
    }
  }

  /**
   * True when counting `facets` takes the exact number of matches (track_total_hits: true):
   * the facet sets are checked against it.
   */
  facetsNeedTotal(facets: readonly FacetName[], options: FacetOptions = {}): boolean {
    return facets.some((name) => this.setFieldOf(name, options) !== undefined);
  }

  facetAggregations(
    facets: readonly FacetName[],
    options: FacetOptions = {},
  ): Record<string, AggregationsAggregationContainer> {
    const f = this.fields;
    const field: Record<FacetName, string> = {
      sources: f.sourceId,
      libraryKinds: f.libraryKind,
      provinces: f.province,
      years: f.year,
      languages: f.languages,
      types: f.type,
      subjects: f.subjects,
    };
    const aggregation = (name: FacetName): AggregationsAggregationContainer => {
      const sets = this.setFieldOf(name, options);
      if (sets) return facetSetAggregation(sets);
      return { terms: { field: field[name], size: FACET_SIZES[name] } };
    };
    return Object.fromEntries(facets.map((name) => [name, aggregation(name)]));
  }

  /**
   * Each facet's values and counts from a response to facetAggregations(facets, options);
   * undefined when a facet's sets did not count every match (ask again with sets: false).
   * `matched`: the response's exact number of matches.
   */
  facetCounts(
    facets: readonly FacetName[],
    aggregations: Record<string, unknown> | undefined,
    matched: number,
    options: FacetOptions = {},
  ): Map<FacetName, FacetCount[]> | undefined {
    const counts = new Map<FacetName, FacetCount[]>();
    for (const name of facets) {
      const aggregate = aggregations?.[name];
      const found = this.setFieldOf(name, options)
        ? readFacetSets(aggregate, matched, FACET_SIZES[name])
        : bucketsOf(aggregate);
      if (!found) return undefined;
      counts.set(name, found);
    }
    return counts;
  }

  private setFieldOf(name: FacetName, options: FacetOptions): string | undefined {
    return options.sets === false ? undefined : this.facetSets[name];
  }
}

function bucketsOf(aggregate: unknown): FacetCount[] {
  const buckets = (aggregate as BucketsAggregate | undefined)?.buckets;
  if (!Array.isArray(buckets)) return [];
  return buckets.map((bucket) => ({ value: String(bucket.key), count: bucket.doc_count }));
}

/** A terms clause per holding field given, on the fields named. */
export function holdingTerms(
  filters: HoldingFilters,
  fields: Pick<TargetFields, 'sourceId' | 'libraryKind' | 'province'>,
): QueryDslQueryContainer[] {
  const given: [string, readonly string[] | undefined][] = [
    [fields.sourceId, filters.sourceIds],
    [fields.libraryKind, filters.libraryKinds],
    [fields.province, filters.provinces],
  ];
  return given.flatMap(([field, values]) =>
    values?.length ? [{ terms: { [field]: [...values] } }] : [],
  );
}

const RECORD_FIELDS: TargetFields = {
  id: FIELD.id,
  sourceId: FIELD.sourceId,
  libraryKind: FIELD.libraryKind,
  province: FIELD.libraryProvince,
  year: FIELD.year,
  languages: FIELD.languages,
  type: FIELD.type,
  subjects: FIELD.subjects,
  titleSort: FIELD.titleSort,
};

/** The records index: each record has its one library. */
export const RECORDS_TARGET = new SearchTarget(RECORD_FIELDS, (filters) =>
  holdingTerms(filters, RECORD_FIELDS),
);
