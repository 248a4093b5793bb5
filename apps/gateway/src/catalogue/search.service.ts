import { Injectable } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import type {
  MsearchResponseItem,
  MsearchRequestItem,
  SearchHit,
  SearchRequest,
  SearchResponse,
} from '@elastic/elasticsearch/lib/api/types';
import {
  CatalogueDocument,
  CatalogueIndex,
  FacetCount,
  FacetName,
  FacetOptions,
  HIGHLIGHT,
  holdingsCountAggregation,
  holdingsCountOf,
  holdingsPassing,
  SEARCH_TIMEOUT,
  WorkDocument,
  WorksIndex,
} from '@hop-luu/search-index';
import { CatalogueError, CatalogueErrorCode, refuseTimedOut } from './catalogue.errors';
import { CursorCodec, SortValue } from './cursor';
import { holdingOfWork, toRecord } from './record.mapper';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { SearchCache } from './search-cache';
import { SearchNeeds } from './requested-fields';
import { SearchArgs } from './search.inputs';
import { planSearch, SearchPlan, SearchView } from './search-plan';
import { Facets, RecordSearchResult, WorkSearchResult } from './search.types';
import { displayFetched, holdingFetched, workSourceIncludes } from './work-source';

export const MAX_PAGE_SIZE = 100;
const MAX_HOLDINGS_PER_WORK = 20;
// Search-only copies of the text are not needed to answer; leaving them out halves the payload.
const SOURCE_EXCLUDES = ['search', 'suggest', 'titleSort', 'warnings'];

/**
 * Union-catalogue searches: records over the catalogue alias, works over the works alias, with
 * facets. The hits and the counts go as two searches in one msearch. The hits search counts
 * nothing (track_total_hits: false), so Elasticsearch can skip matches that cannot reach the
 * page; the counts search has no hits, so its shard request cache answers repeated counts.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly client: Client,
    private readonly catalogue: CatalogueIndex,
    private readonly works: WorksIndex,
    private readonly cache: SearchCache,
    private readonly metrics: GatewayMetrics,
    private readonly cursors: CursorCodec,
  ) {}

  /** `abandoned` aborts when the caller's client goes away (see SearchCache). */
  searchRecords(
    args: SearchArgs,
    needs: SearchNeeds,
    abandoned?: AbortSignal,
  ): Promise<RecordSearchResult> {
    const plan = planSearch('records', args, needs);
    const find = (signal: AbortSignal) => this.timed('records', this.findRecords(plan, signal));
    return this.cache.get(plan.cacheKey, find, abandoned);
  }

  /** The union view; see findWorks. */
  searchWorks(
    args: SearchArgs,
    needs: SearchNeeds,
    abandoned?: AbortSignal,
  ): Promise<WorkSearchResult> {
    const plan = planSearch('works', args, needs);
    const find = (signal: AbortSignal) => this.timed('works', this.findWorks(plan, signal));
    return this.cache.get(plan.cacheKey, find, abandoned);
  }

  private timed<T>(view: SearchView, search: Promise<T>): Promise<T> {
    const done = this.metrics.searchDuration.startTimer({ view });
    return search.finally(() => done());
  }

  private async findRecords(plan: SearchPlan, signal: AbortSignal): Promise<RecordSearchResult> {
    const { args, needs } = plan;
    const first = pageSize(args.first);
    const after = args.after ? this.cursors.searchAfter(args.after, plan.fingerprint) : undefined;
    const [hits, counts] = await this.run<CatalogueDocument>(
      this.catalogue.alias,
      {
        query: plan.query,
        sort: plan.sort,
        timeout: SEARCH_TIMEOUT,
        search_after: after ?? undefined,
        size: first + 1,
        track_total_hits: false,
        highlight: needs.highlights ? HIGHLIGHT : undefined,
        _source: { excludes: SOURCE_EXCLUDES },
      },
      countsRequest(plan),
      signal,
    );
    const page = hits.hits.hits.slice(0, first);
    const last = page.at(-1);
    return {
      totalCount: totalOf(counts),
      records: page.map((hit) => toRecord(hit._source!, hit.highlight)),
      facets: await this.facetsOf(plan, counts, signal),
      pageInfo: {
        hasNextPage: hits.hits.hits.length > first,
        endCursor: last
          ? this.cursors.encodeSearch({ f: plan.fingerprint, a: last.sort as SortValue[] })
          : null,
      },
    };
  }

  /**
   * The union view, over the works index: one document per work, so hits, the exact count and
   * facets counting works come straight from it, and pages go on by search_after to any depth.
   * A work's holdings are in its document; the library filters narrow the ones shown.
   */
  private async findWorks(plan: SearchPlan, signal: AbortSignal): Promise<WorkSearchResult> {
    const { args, needs } = plan;
    const first = pageSize(args.first);
    const after = args.after ? this.cursors.searchAfter(args.after, plan.fingerprint) : undefined;
    const [hits, counts] = await this.run<Partial<WorkDocument>>(
      this.works.alias,
      {
        query: plan.query,
        sort: plan.sort,
        timeout: SEARCH_TIMEOUT,
        search_after: after,
        size: first + 1,
        track_total_hits: false,
        highlight: needs.highlights ? HIGHLIGHT : undefined,
        _source: { includes: workSourceIncludes(needs.shown, args.filters) },
      },
      worksCountsRequest(plan),
      signal,
    );
    const page = hits.hits.hits.slice(0, first);
    const last = page.at(-1);
    return {
      totalCount: totalOf(counts),
      totalCountIsExact: true,
      recordCount: holdingsCountOf(counts?.aggregations?.recordCount),
      works: page.map((hit) => workOf(hit, args.filters)),
      facets: await this.facetsOf(plan, counts, signal),
      pageInfo: {
        hasNextPage: hits.hits.hits.length > first,
        endCursor: last
          ? this.cursors.encodeSearch({ f: plan.fingerprint, a: last.sort as SortValue[] })
          : null,
      },
    };
  }

  /**
   * The facets from the counts search. When the index's facet sets could not count it (see
   * SearchTarget.facetCounts), the facets are asked again, each on its own field.
   */
  private async facetsOf(
    plan: SearchPlan,
    counts: SearchResponse<unknown> | undefined,
    signal: AbortSignal,
  ): Promise<Facets> {
    const { facets } = plan.needs;
    const read = (response: SearchResponse<unknown> | undefined, options?: FacetOptions) =>
      plan.target.facetCounts(facets, response?.aggregations, totalOf(response), options);
    const found = read(counts);
    if (found) return facetsFrom(found);
    const own = { sets: false };
    const index = plan.view === 'works' ? this.works.alias : this.catalogue.alias;
    const response = await this.client.search(
      { index, ...facetsRequest(plan, own), request_cache: true },
      { signal },
    );
    refuseTimedOut(response);
    return facetsFrom(read(response, own) ?? new Map());
  }

  /** Runs the hits search and, when there are counts to make, the counts search, in one round trip. */
  private async run<T>(
    index: string,
    hits: SearchRequest,
    counts: SearchRequest | undefined,
    signal: AbortSignal,
  ): Promise<[SearchResponse<T>, SearchResponse<T> | undefined]> {
    const searches: MsearchRequestItem[] = [{}, hits as MsearchRequestItem];
    if (counts) searches.push({ request_cache: true }, counts as MsearchRequestItem);
    const response = await this.client.msearch<T>({ index, searches }, { signal });
    const [hitsResponse, countsResponse] = response.responses.map(unwrap);
    return [hitsResponse, countsResponse];
  }
}

function countsRequest(plan: SearchPlan): SearchRequest | undefined {
  if (plan.needs.facets.length === 0 && !plan.needs.counts) return undefined;
  return facetsRequest(plan);
}

/** The exact count when asked, and the facets (which may need it: facetsNeedTotal). */
function facetsRequest(
  { needs, query, target }: SearchPlan,
  options?: FacetOptions,
): SearchRequest {
  return {
    size: 0,
    timeout: SEARCH_TIMEOUT,
    track_total_hits: needs.counts || target.facetsNeedTotal(needs.facets, options),
    query,
    aggs: target.facetAggregations(needs.facets, options),
  };
}

/** The works' counts: the exact number of works, facets counting works, and their records. */
function worksCountsRequest(plan: SearchPlan): SearchRequest | undefined {
  const request = countsRequest(plan);
  if (request && plan.needs.recordCount)
    request.aggs = { ...request.aggs, recordCount: holdingsCountAggregation(plan.args.filters) };
  return request;
}

function unwrap<T>(item: MsearchResponseItem<T>): SearchResponse<T> {
  if ('error' in item) {
    // The harvester makes the indexes on its first run; before it, the catalogue is just empty.
    if (item.error.type === 'index_not_found_exception') return nothingFound<T>();
    throw new Error(`Elasticsearch refused the search: ${item.error.reason ?? 'unknown reason'}`);
  }
  refuseTimedOut(item);
  return item;
}

function nothingFound<T>(): SearchResponse<T> {
  return {
    took: 0,
    timed_out: false,
    _shards: { total: 0, successful: 0, failed: 0 },
    hits: { total: { value: 0, relation: 'eq' }, hits: [] },
  };
}

function pageSize(first: number): number {
  if (first < 1 || first > MAX_PAGE_SIZE) {
    throw new CatalogueError(
      CatalogueErrorCode.PageTooLarge,
      `first must be between 1 and ${MAX_PAGE_SIZE}; page with pageInfo.endCursor instead.`,
    );
  }
  return first;
}

function totalOf(response: SearchResponse<unknown> | undefined): number {
  const total = response?.hits.total;
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

/** A work as a page shows it, from the parts of its document the page fetched. */
function workOf(hit: SearchHit<Partial<WorkDocument>>, filters: SearchArgs['filters']) {
  const work = hit._source!;
  const held = (work.holdings ?? []).map(holdingFetched);
  const shown = holdingsPassing(held, filters);
  return {
    id: work.id!,
    representative: toRecord(displayFetched(work.representative), hit.highlight),
    holdingsCount: shown.length,
    holdings: shown.slice(0, MAX_HOLDINGS_PER_WORK).map(holdingOfWork),
  };
}

function facetsFrom(found: ReadonlyMap<FacetName, FacetCount[]>): Facets {
  const of = (name: FacetName) => found.get(name) ?? [];
  return {
    sources: of('sources'),
    libraryKinds: of('libraryKinds'),
    provinces: of('provinces'),
    years: of('years'),
    languages: of('languages'),
    types: of('types'),
    subjects: of('subjects'),
  };
}
