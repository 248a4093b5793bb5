import { holdingCombinationCount, MAX_HOLDING_COMBINATIONS } from '@hop-luu/search-index';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';
import { SearchArgs, SearchFilters } from './search.inputs';

/**
 * What one catalogue argument may hold. Elasticsearch would take far more, and spend seconds
 * on it: 8,000 `a*` prefixes kept it busy over 10 s. Checked before anything is asked.
 */
export const ARGUMENT_LIMITS = {
  queryLength: 500,
  queryTerms: 32,
  prefixTerms: 4,
  filterValues: 50,
  filterValueLength: 200,
  /** Elasticsearch refuses ids over 512 bytes. */
  recordIdBytes: 512,
  clusterIdLength: 1000,
  suggestPrefixLength: 100,
} as const;

function refuse(message: string): never {
  throw new CatalogueError(CatalogueErrorCode.BadQuery, message);
}

/** Words of a query as simple_query_string sees them: runs of non-space, operators not counted. */
function termsOf(query: string): string[] {
  return query.split(/[\s|+()]+/).filter((term) => term !== '' && term !== '-');
}

export function checkQueryText(query: string | undefined): void {
  if (!query) return;
  const { queryLength, queryTerms, prefixTerms } = ARGUMENT_LIMITS;
  if (query.length > queryLength)
    refuse(`query is ${query.length} characters long; the limit is ${queryLength}.`);
  const terms = termsOf(query);
  if (terms.length > queryTerms)
    refuse(`query has ${terms.length} words; the limit is ${queryTerms}.`);
  const prefixes = terms.filter((term) => term.endsWith('*')).length;
  if (prefixes > prefixTerms)
    refuse(
      `query has ${prefixes} prefix terms (word*); the limit is ${prefixTerms}, each expands to every word it begins.`,
    );
}

function checkFilters(filters: SearchFilters | undefined): void {
  if (!filters) return;
  const { filterValues, filterValueLength } = ARGUMENT_LIMITS;
  for (const [name, values] of Object.entries(filters)) {
    if (!Array.isArray(values)) continue;
    if (values.length > filterValues)
      refuse(`filters.${name} lists ${values.length} values; the limit is ${filterValues}.`);
    if (values.some((value: string) => value.length > filterValueLength))
      refuse(`A value of filters.${name} is over ${filterValueLength} characters.`);
  }
  // Several library filters together are matched on one holding, one term per combination.
  const combinations = holdingCombinationCount(filters);
  if (combinations > MAX_HOLDING_COMBINATIONS)
    refuse(
      `filters.sourceIds, libraryKinds and provinces together make ${combinations} combinations; the limit is ${MAX_HOLDING_COMBINATIONS}. Name fewer values.`,
    );
}

/** Refuses a search whose text or filters are larger than any real search needs. */
export function checkSearchArgs(args: SearchArgs): void {
  checkQueryText(args.query);
  checkFilters(args.filters);
}

export function checkRecordIds(ids: readonly string[]): void {
  const { recordIdBytes } = ARGUMENT_LIMITS;
  if (ids.some((id) => Buffer.byteLength(id) > recordIdBytes))
    refuse(`A record id is at most ${recordIdBytes} bytes ("<sourceId>:<oaiIdentifier>").`);
}

export function checkClusterId(id: string): void {
  const { clusterIdLength } = ARGUMENT_LIMITS;
  if (id.length > clusterIdLength)
    refuse(
      `cluster id is ${id.length} characters long; the limit is ${clusterIdLength} (use a work id from search).`,
    );
}

export function checkSuggestPrefix(prefix: string): void {
  const { suggestPrefixLength } = ARGUMENT_LIMITS;
  if (prefix.length > suggestPrefixLength)
    refuse(`prefix is ${prefix.length} characters long; the limit is ${suggestPrefixLength}.`);
}
