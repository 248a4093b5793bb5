import type { QueryDslQueryContainer, SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { CATALOGUE_FIELDS as FIELD } from '../catalogue/catalogue-fields';
import { isbnForms, parseQuery, QueryField, queryForms } from './query-text';

/*
 * The text part of a catalogue search, shared by both views: the records index and the works
 * index hold the same `search.*` forms and `identifiers`, so one query finds either.
 */

/**
 * Elasticsearch's own time limit on every catalogue search (the gateway's client gives up at
 * 10 s): past it, shards stop collecting and the answer says `timed_out`, which the gateway
 * refuses rather than serving a partial page.
 */
export const SEARCH_TIMEOUT = '5s';

/** The texts searched and highlighted, each indexed in an exact and a folded form. */
const EXACT_FIELDS = [
  'search.title',
  'search.otherTitles',
  'search.creators',
  'search.subjects',
  'search.publisher',
  'search.description',
];
const FOLDED_FIELDS = EXACT_FIELDS.map(folded);
const TITLE_BOOST = 'search.titleFolded^3';

const FIELD_TARGETS: Record<Exclude<QueryField, 'isbn' | 'issn'>, string[]> = {
  title: ['search.title', 'search.otherTitles'],
  author: ['search.creators'],
  subject: ['search.subjects'],
  publisher: ['search.publisher'],
};

// Only the operators users need; no fuzzy/slop/near syntax that could make queries expensive.
const FLAGS = 'AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE';

function folded(field: string): string {
  return `${field}Folded`;
}

/** Every word must occur in one of `fields`; AND, OR, NOT, phrases and prefixes allowed. */
function wordsIn(query: string, fields: string[]): QueryDslQueryContainer {
  return {
    simple_query_string: {
      query,
      fields,
      default_operator: 'and',
      flags: FLAGS,
      analyze_wildcard: false,
    },
  };
}

/*
 * Fielded text (title:…, author:…) is matched twice, in its exact form (diacritics kept,
 * canonical tone placement) and folded: a record matching with its diacritics gets both
 * scores, so it ranks above one that only matches once the marks are stripped.
 */
function fieldedTextMatch(text: string, exactFields: string[]): QueryDslQueryContainer {
  const forms = queryForms(text);
  return {
    bool: {
      should: [wordsIn(forms.exact, exactFields), wordsIn(forms.folded, exactFields.map(folded))],
      minimum_should_match: 1,
    },
  };
}

/**
 * Free text: every word must occur somewhere in the record, diacritics ignored. Records whose
 * words also match with their diacritics score again, so a diacritic-exact match ranks first;
 * words found in the title count extra. Matching on the combined fields takes about half
 * the time of matching each of the six fields (measured on the 1M-record bench index).
 */
function freeTextMatch(text: string): QueryDslQueryContainer {
  const forms = queryForms(text);
  return {
    bool: {
      must: [wordsIn(forms.folded, [FIELD.searchAllFolded])],
      should: [wordsIn(forms.exact, [FIELD.searchAll]), wordsIn(forms.folded, [TITLE_BOOST])],
    },
  };
}

function identifierMatch(values: string[], boost: number): QueryDslQueryContainer {
  return { terms: { [FIELD.identifiers]: values.map((value) => value.toLowerCase()), boost } };
}

function freeTextQuery(free: string): QueryDslQueryContainer {
  const isbns = isbnForms(free);
  if (!isbns) return freeTextMatch(free);
  return {
    bool: {
      should: [identifierMatch(isbns, 50), freeTextMatch(free)],
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
  else query = fieldedTextMatch(text, FIELD_TARGETS[field]);
  return negated ? { bool: { must_not: [query] } } : query;
}

/** The clauses of a search box's text: one per field:value part, one for the free words. */
export function textQuery(text: string | undefined): QueryDslQueryContainer[] {
  if (!text?.trim()) return [];
  const parsed = parseQuery(text);
  const clauses = parsed.fielded.map(({ field, value }) => fieldedQuery(field, value));
  if (parsed.free) clauses.push(freeTextQuery(parsed.free));
  return clauses;
}

/*
 * Words are matched on the combined fields, so the highlighters of the single fields must
 * not insist on a query naming them (require_field_match).
 */
export const HIGHLIGHT: SearchRequest['highlight'] = {
  pre_tags: ['<em>'],
  post_tags: ['</em>'],
  require_field_match: false,
  fields: Object.fromEntries(
    [...EXACT_FIELDS, ...FOLDED_FIELDS]
      .filter(
        (field) => !field.startsWith('search.publisher') && !field.startsWith('search.otherTitles'),
      )
      .map((field) => [field, { number_of_fragments: 2, fragment_size: 150 }]),
  ),
};

/** The text query, narrowed by `filters` (from a SearchTarget's filterClauses). */
export function searchQuery(
  text: string | undefined,
  filters: QueryDslQueryContainer[],
): QueryDslQueryContainer {
  const must = textQuery(text);
  return { bool: { must: must.length ? must : [{ match_all: {} }], filter: filters } };
}
