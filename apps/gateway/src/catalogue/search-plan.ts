import type { QueryDslQueryContainer, Sort } from '@elastic/elasticsearch/lib/api/types';
import { RECORDS_TARGET, searchQuery, SearchTarget, WORKS_TARGET } from '@hop-luu/search-index';
import { fingerprint } from './cursor';
import { SearchNeeds } from './requested-fields';
import { SearchArgs } from './search.inputs';

export type SearchView = 'records' | 'works';

/**
 * Everything one search needs, worked out once: the parsed query and filters as Elasticsearch
 * clauses (shared by the hits, counts and holdings requests), the sort, the fingerprint that
 * binds its cursors, and the key its result is remembered under.
 */
export interface SearchPlan {
  readonly view: SearchView;
  readonly args: SearchArgs;
  readonly needs: SearchNeeds;
  /** The index's fields the filters, sort and facets are on. */
  readonly target: SearchTarget;
  readonly filters: QueryDslQueryContainer[];
  readonly query: QueryDslQueryContainer;
  readonly sort: Sort;
  /** Same for every page of one search (query, filters, sort); a cursor carries it. */
  readonly fingerprint: string;
  /** Different for each page and selection: the search cache's key. */
  readonly cacheKey: string;
}

export function planSearch(view: SearchView, args: SearchArgs, needs: SearchNeeds): SearchPlan {
  const search = JSON.stringify([view, args.query, args.filters, args.sort]);
  const target = view === 'works' ? WORKS_TARGET : RECORDS_TARGET;
  const filters = target.filterClauses(args.filters);
  return {
    view,
    args,
    needs,
    target,
    filters,
    query: searchQuery(args.query, filters),
    sort: target.sortFor(args.sort),
    fingerprint: fingerprint(search),
    cacheKey: `${search}\n${args.first}\n${args.after ?? ''}\n${JSON.stringify(needs)}`,
  };
}
