import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
  SearchRequest,
  Sort,
} from '@elastic/elasticsearch/lib/api/types';
import type { FacetName } from './requested-fields';
import { isbnForms, parseQuery, QueryField, queryForms } from './query-text';
import { SearchFilters, SearchSort } from './search.inputs';

/*
 * Relevance: every text is matched twice, in its exact form (diacritics kept, canonical tone
 * placement) and in its folded form. A record matching with its diacritics gets both scores,
 * so it ranks above one that only matches once the marks are stripped.
 */
const EXACT_FIELDS = [
  'search.title^8',
  'search.otherTitles^4',
  'search.creators^5',
  'search.subjects^3',
  'search.publisher',
  'search.description',
];
const FOLDED_FIELDS = EXACT_FIELDS.map((field) => field.replace(/^(search\.\w+)/, '$1Folded'));

const FIELD_TARGETS: Record<Exclude<QueryField, 'isbn' | 'issn'>, string[]> = {
  title: ['search.title', 'search.otherTitles'],
  author: ['search.creators'],
  subject: ['search.subjects'],
  publisher: ['search.publisher'],
};

// Only the operators users need; no fuzzy/slop/near syntax that could make queries expensive.
const FLAGS = 'AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE';

function textMatch(text: string, exactFields: string[]): QueryDslQueryContainer {
  const { exact, folded } = queryForms(text);
  const foldedFields = exactFields.map((field) => field.replace(/^(search\.\w+)/, '$1Folded'));
  const common = { default_operator: 'and' as const, flags: FLAGS, analyze_wildcard: false };
  return {
    bool: {
      should: [
        { simple_query_string: { ...common, query: exact, fields: exactFields } },
        { simple_query_string: { ...common, query: folded, fields: foldedFields } },
      ],
      minimum_should_match: 1,
    },
  };
}

function identifierMatch(values: string[], boost: number): QueryDslQueryContainer {
  return { terms: { identifiers: values.map((value) => value.toLowerCase()), boost } };
}

function freeTextQuery(free: string): QueryDslQueryContainer {
  const isbns = isbnForms(free);
  if (!isbns) return textMatch(free, EXACT_FIELDS);
  return {
    bool: {
      should: [identifierMatch(isbns, 50), textMatch(free, EXACT_FIELDS)],
      minimum_should_match: 1,
    },
  };
}

function fieldedQuery(field: QueryField, value: string): QueryDslQueryContainer {
  const negated = value.startsWith('-');
  const text = value.replace(/^[+-]/, '');
  let query: QueryDslQueryContainer;
  if (field === 'isbn') query = identifierMatch(isbnForms(text) ?? [text.replace(/-/g, '')], 1);
  else if (field === 'issn') query = identifierMatch([text.replace(/"/g, '').toUpperCase()], 1);
  else query = textMatch(text, FIELD_TARGETS[field]);
  return negated ? { bool: { must_not: [query] } } : query;
}

export function textQuery(text: string | undefined): QueryDslQueryContainer[] {
  if (!text?.trim()) return [];
  const parsed = parseQuery(text);
  const clauses = parsed.fielded.map(({ field, value }) => fieldedQuery(field, value));
  if (parsed.free) clauses.push(freeTextQuery(parsed.free));
  return clauses;
}

export function filterClauses(filters: SearchFilters | undefined): QueryDslQueryContainer[] {
  if (!filters) return [];
  const clauses: QueryDslQueryContainer[] = [];
  const terms = (field: string, values: string[] | undefined) => {
    if (values?.length) clauses.push({ terms: { [field]: values } });
  };
  terms('sourceId', filters.sourceIds);
  terms('library.kind', filters.libraryKinds);
  terms('library.province', filters.provinces);
  terms('languages', filters.languages);
  terms('type', filters.types);
  terms('subjects', filters.subjects);
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
    clauses.push({ range: { year: { gte: filters.yearFrom, lte: filters.yearTo } } });
  }
  return clauses;
}

export function sortFor(sort: SearchSort): Sort {
  const tiebreaker = { id: 'asc' as const };
  switch (sort) {
    case SearchSort.YEAR_DESC:
      return [{ year: { order: 'desc', missing: '_last' } }, tiebreaker];
    case SearchSort.YEAR_ASC:
      return [{ year: { order: 'asc', missing: '_last' } }, tiebreaker];
    case SearchSort.TITLE:
      return [{ titleSort: 'asc' }, tiebreaker];
    default:
      return [{ _score: { order: 'desc' } }, tiebreaker];
  }
}

const FACET_AGGREGATIONS: Record<FacetName, AggregationsAggregationContainer> = {
  sources: { terms: { field: 'sourceId', size: 100 } },
  libraryKinds: { terms: { field: 'library.kind', size: 10 } },
  provinces: { terms: { field: 'library.province', size: 70 } },
  years: { terms: { field: 'year', size: 50 } },
  languages: { terms: { field: 'languages', size: 30 } },
  types: { terms: { field: 'type', size: 10 } },
  subjects: { terms: { field: 'subjects', size: 20 } },
};

export function facetAggregations(
  facets: readonly FacetName[],
): Record<string, AggregationsAggregationContainer> {
  return Object.fromEntries(facets.map((name) => [name, FACET_AGGREGATIONS[name]]));
}

export const HIGHLIGHT: SearchRequest['highlight'] = {
  pre_tags: ['<em>'],
  post_tags: ['</em>'],
  fields: Object.fromEntries(
    [...EXACT_FIELDS, ...FOLDED_FIELDS]
      .map((field) => field.replace(/\^\d+$/, ''))
      .filter(
        (field) => !field.startsWith('search.publisher') && !field.startsWith('search.otherTitles'),
      )
      .map((field) => [field, { number_of_fragments: 2, fragment_size: 150 }]),
  ),
};

export function searchQuery(
  text: string | undefined,
  filters: SearchFilters | undefined,
): QueryDslQueryContainer {
  const must = textQuery(text);
  return {
    bool: { must: must.length ? must : [{ match_all: {} }], filter: filterClauses(filters) },
  };
}
