import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
  Sort,
} from '@elastic/elasticsearch/lib/api/types';
import { CATALOGUE_FIELDS as FIELD } from '../catalogue/catalogue-fields';

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

/**
 * One index a search runs on (records or works): the same filters, orders and facets, each
 * on that index's fields. `holdingClauses` is the index's own: a record has one library, a work
 * several (its holdings).
 */
export class SearchTarget {
  constructor(
    readonly fields: TargetFields,
    private readonly holdingClauses: (filters: HoldingFilters) => QueryDslQueryContainer[],
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

  facetAggregations(
    facets: readonly FacetName[],
  ): Record<string, AggregationsAggregationContainer> {
    const f = this.fields;
    const all: Record<FacetName, AggregationsAggregationContainer> = {
      sources: { terms: { field: f.sourceId, size: 100 } },
      libraryKinds: { terms: { field: f.libraryKind, size: 10 } },
      provinces: { terms: { field: f.province, size: 70 } },
      years: { terms: { field: f.year, size: 50 } },
      languages: { terms: { field: f.languages, size: 30 } },
      types: { terms: { field: f.type, size: 10 } },
      subjects: { terms: { field: f.subjects, size: 20 } },
    };
    return Object.fromEntries(facets.map((name) => [name, all[name]]));
  }
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
