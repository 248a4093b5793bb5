import { Injectable } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import type {
  AggregationsStringTermsAggregate,
  MsearchResponseItem,
  MsearchRequestItem,
  SearchHit,
  SearchRequest,
  SearchResponse,
} from '@elastic/elasticsearch/lib/api/types';
import {
  CATALOGUE_FIELDS as FIELD,
  CatalogueDocument,
  CatalogueIndex,
  HIGHLIGHT,
  SEARCH_TIMEOUT,
  WORK_COUNT_PRECISION,
} from '@hop-luu/search-index';
import { CatalogueError, CatalogueErrorCode, refuseTimedOut } from './catalogue.errors';
import { CursorCodec, SortValue } from './cursor';
import { holdingOf, HoldingSource, toRecord } from './record.mapper';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { SearchCache } from './search-cache';
import { SearchNeeds } from './requested-fields';
import { SearchArgs } from './search.inputs';
import { planSearch, SearchPlan, SearchView } from './search-plan';
import { FacetBucket, Facets, RecordSearchResult, WorkSearchResult } from './search.types';

export const MAX_PAGE_SIZE = 100;
const MAX_WINDOW = 10_000;
const MAX_HOLDINGS_PER_WORK = 20;
// Search-only copies of the text are not needed to answer; leaving them out halves the payload.
const SOURCE_EXCLUDES = ['search', 'suggest', 'titleSort', 'warnings'];
/** What holdingOf reads (HoldingSource): about a fifth of a record's JSON. */
const HOLDING_FIELDS: (keyof HoldingSource)[] = [
  'sourceId',
  'library',
  'holdings',
  'oaiIdentifier',
  'links',
];

type Hit = SearchHit<CatalogueDocument>;
type Response = SearchResponse<CatalogueDocument>;

/**
 * Union-catalogue searches over the catalogue alias: records, works (collapsed by cluster key),
 * facets. The hits and the counts go as two searches in one msearch. The hits search counts
 * nothing (track_total_hits: false), so Elasticsearch can skip matches that cannot reach the
 * page; the counts search has no hits, so its shard request cache answers repeated counts.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly client: Client,
    private readonly catalogue: CatalogueIndex,
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
    const after = args.after ? this.cursors.recordsAfter(args.after, plan.fingerprint) : undefined;
    const [hits, counts] = await this.run(
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
      facets: facetsOf(counts),
      pageInfo: {
        hasNextPage: hits.hits.hits.length > first,
        endCursor: last
          ? this.cursors.encodeSearch({ f: plan.fingerprint, a: last.sort as SortValue[] })
          : null,
      },
    };
  }

  /**
   * The union view. Field collapsing keeps one hit per cluster key; one more aggregation lists
   * the libraries holding the works of the page. Elasticsearch only pages collapsed results with search_after when they
   * are sorted by the key itself, so work pages use an offset (kept inside the cursor).
   */
  private async findWorks(plan: SearchPlan, signal: AbortSignal): Promise<WorkSearchResult> {
    const { args, needs } = plan;
    const first = pageSize(args.first);
    const offset = args.after
      ? this.cursors.worksOffset(args.after, plan.fingerprint, MAX_WINDOW)
      : 0;
    if (offset + first > MAX_WINDOW) {
      throw new CatalogueError(
        CatalogueErrorCode.TooDeep,
        `Work pages reach ${MAX_WINDOW} works deep; add filters or a query to narrow the search.`,
      );
    }
    const [hits, counts] = await this.run(
      {
        query: plan.query,
        sort: plan.sort,
        timeout: SEARCH_TIMEOUT,
        from: offset,
        size: first + 1,
        track_total_hits: false,
        collapse: { field: FIELD.workId },
        highlight: needs.highlights ? HIGHLIGHT : undefined,
        _source: { excludes: SOURCE_EXCLUDES },
      },
      countsRequest(plan),
      signal,
    );
    const page = hits.hits.hits.slice(0, first);
    const holdings = needs.holdings
      ? await this.holdingsOf(page, plan, signal)
      : new Map<string, WorkHoldings>();
    const works = (counts?.aggregations?.works as { value: number } | undefined)?.value ?? 0;
    return {
      totalCount: works,
      totalCountIsExact: works < WORK_COUNT_PRECISION,
      recordCount: totalOf(counts),
      works: page.map((hit) => workOf(hit, holdings.get(hit._source!.work.id))),
      facets: facetsOf(counts),
      pageInfo: {
        hasNextPage: hits.hits.hits.length > first,
        endCursor: page.length
          ? this.cursors.encodeSearch({ f: plan.fingerprint, o: offset + page.length })
          : null,
      },
    };
  }

  /**
   * The libraries holding each work of a page, in one aggregation over just those works
   * (filters applied, so a province filter also narrows the holdings). Much cheaper than
   * collapse inner hits, which run one extra search per work.
   */
  private async holdingsOf(
    page: Hit[],
    plan: SearchPlan,
    signal: AbortSignal,
  ): Promise<Map<string, WorkHoldings>> {
    const keys = page.map((hit) => hit._source!.work.id);
    if (keys.length === 0) return new Map();
    const response = await this.client.search<CatalogueDocument>(
      {
        index: this.catalogue.alias,
        size: 0,
        timeout: SEARCH_TIMEOUT,
        query: {
          bool: { filter: [{ terms: { [FIELD.workId]: keys } }, ...plan.filters] },
        },
        aggs: {
          works: {
            terms: { field: FIELD.workId, size: keys.length },
            aggs: {
              holdings: {
                top_hits: {
                  size: MAX_HOLDINGS_PER_WORK,
                  sort: [{ [FIELD.libraryKind]: 'asc' }, { [FIELD.id]: 'asc' }],
                  _source: { includes: HOLDING_FIELDS },
                },
              },
            },
          },
        },
      },
      { signal },
    );
    refuseTimedOut(response);
    const buckets =
      (response.aggregations?.works as { buckets: HoldingsBucket[] } | undefined)?.buckets ?? [];
    return new Map(
      buckets.map((bucket) => [
        bucket.key,
        { count: bucket.doc_count, members: bucket.holdings.hits.hits.map((hit) => hit._source!) },
      ]),
    );
  }

  /** Runs the hits search and, when there are counts to make, the counts search, in one round trip. */
  private async run(
    hits: SearchRequest,
    counts: SearchRequest | undefined,
    signal: AbortSignal,
  ): Promise<[Response, Response | undefined]> {
    const searches: MsearchRequestItem[] = [{}, hits as MsearchRequestItem];
    if (counts) searches.push({ request_cache: true }, counts as MsearchRequestItem);
    const response = await this.client.msearch<CatalogueDocument>(
      { index: this.catalogue.alias, searches },
      { signal },
    );
    const [hitsResponse, countsResponse] = response.responses.map(unwrap);
    return [hitsResponse, countsResponse];
  }
}

function countsRequest({ view, needs, query, target }: SearchPlan): SearchRequest | undefined {
  if (needs.facets.length === 0 && !needs.counts) return undefined;
  const aggs = target.facetAggregations(needs.facets);
  if (view === 'works' && needs.counts)
    aggs.works = {
      cardinality: { field: FIELD.workId, precision_threshold: WORK_COUNT_PRECISION },
    };
  return {
    size: 0,
    timeout: SEARCH_TIMEOUT,
    track_total_hits: needs.counts,
    query,
    aggs,
  };
}

function unwrap(item: MsearchResponseItem<CatalogueDocument>): Response {
  if ('error' in item)
    throw new Error(`Elasticsearch refused the search: ${item.error.reason ?? 'unknown reason'}`);
  refuseTimedOut(item);
  return item;
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

function totalOf(response: Response | undefined): number {
  const total = response?.hits.total;
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

interface WorkHoldings {
  readonly count: number;
  readonly members: HoldingSource[];
}

interface HoldingsBucket {
  key: string;
  doc_count: number;
  holdings: { hits: { hits: SearchHit<HoldingSource>[] } };
}

function workOf(hit: Hit, holdings: WorkHoldings | undefined) {
  return {
    id: hit._source!.work.id,
    representative: toRecord(hit._source!, hit.highlight),
    holdingsCount: holdings?.count ?? 1,
    holdings: (holdings?.members ?? [hit._source!]).map(holdingOf),
  };
}

function bucketsOf(response: Response | undefined, name: string): FacetBucket[] {
  const aggregate = response?.aggregations?.[name] as AggregationsStringTermsAggregate | undefined;
  const buckets = Array.isArray(aggregate?.buckets) ? aggregate.buckets : [];
  return buckets.map((bucket) => ({ value: String(bucket.key), count: bucket.doc_count }));
}

function facetsOf(response: Response | undefined): Facets {
  return {
    sources: bucketsOf(response, 'sources'),
    libraryKinds: bucketsOf(response, 'libraryKinds'),
    provinces: bucketsOf(response, 'provinces'),
    years: bucketsOf(response, 'years'),
    languages: bucketsOf(response, 'languages'),
    types: bucketsOf(response, 'types'),
    subjects: bucketsOf(response, 'subjects'),
  };
}
