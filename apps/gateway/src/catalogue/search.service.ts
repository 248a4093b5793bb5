import { Injectable } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import type {
  AggregationsStringTermsAggregate,
  SearchHit,
  SearchResponse,
} from '@elastic/elasticsearch/lib/api/types';
import { CatalogueDocument, CatalogueIndex } from '@hop-luu/search-index';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';
import { holdingOf, toRecord } from './record.mapper';
import { FacetBucket, Facets, RecordSearchResult, WorkSearchResult } from './search.types';
import { SearchArgs } from './search.inputs';
import { FacetName } from './requested-facets';
import { facetAggregations, HIGHLIGHT, searchQuery, sortFor } from './search-request';

export const MAX_PAGE_SIZE = 100;
const MAX_WINDOW = 10_000;
const WORK_COUNT_PRECISION = 40_000;
const MAX_HOLDINGS_PER_WORK = 50;

type Hit = SearchHit<CatalogueDocument>;

/** Union-catalogue searches over the catalogue alias: records, works (collapsed by cluster key), facets. */
@Injectable()
export class SearchService {
  constructor(
    private readonly client: Client,
    private readonly catalogue: CatalogueIndex,
  ) {}

  async searchRecords(args: SearchArgs, facets: readonly FacetName[]): Promise<RecordSearchResult> {
    const first = pageSize(args.first);
    const print = fingerprint(['records', args.query, args.filters, args.sort]);
    const after = args.after ? decodeCursor(args.after, print).a : undefined;
    const response = await this.client.search<CatalogueDocument>({
      index: this.catalogue.alias,
      query: searchQuery(args.query, args.filters),
      sort: sortFor(args.sort),
      search_after: after ?? undefined,
      size: first + 1,
      track_total_hits: true,
      aggs: facetAggregations(facets),
      highlight: HIGHLIGHT,
    });
    const hits = response.hits.hits.slice(0, first);
    const last = hits.at(-1);
    return {
      totalCount: totalOf(response),
      records: hits.map((hit) => toRecord(hit._source!, hit.highlight)),
      facets: facetsOf(response),
      pageInfo: {
        hasNextPage: response.hits.hits.length > first,
        endCursor: last
          ? encodeCursor({ f: print, a: last.sort as (string | number | null)[] })
          : null,
      },
    };
  }

  /**
   * The union view. Field collapsing keeps one hit per cluster key; its inner hits list the
   * holding libraries. Elasticsearch only pages collapsed results with search_after when they
   * are sorted by the key itself, so work pages use an offset (kept inside the cursor).
   */
  async searchWorks(args: SearchArgs, facets: readonly FacetName[]): Promise<WorkSearchResult> {
    const first = pageSize(args.first);
    const print = fingerprint(['works', args.query, args.filters, args.sort]);
    const offset = args.after ? (decodeCursor(args.after, print).o ?? 0) : 0;
    if (offset + first > MAX_WINDOW) {
      throw new CatalogueError(
        CatalogueErrorCode.TooDeep,
        `Work pages reach ${MAX_WINDOW} works deep; add filters or a query to narrow the search.`,
      );
    }
    const response = await this.client.search<CatalogueDocument>({
      index: this.catalogue.alias,
      query: searchQuery(args.query, args.filters),
      sort: sortFor(args.sort),
      from: offset,
      size: first + 1,
      track_total_hits: true,
      collapse: {
        field: 'cluster.key',
        inner_hits: {
          name: 'holdings',
          size: MAX_HOLDINGS_PER_WORK,
          sort: [{ 'library.kind': 'asc' }, { id: 'asc' }],
        },
      },
      aggs: {
        ...facetAggregations(facets),
        works: { cardinality: { field: 'cluster.key', precision_threshold: WORK_COUNT_PRECISION } },
      },
      highlight: HIGHLIGHT,
    });
    const hits = response.hits.hits.slice(0, first);
    const works = (response.aggregations?.works as { value: number } | undefined)?.value ?? 0;
    return {
      totalCount: works,
      totalCountIsExact: works < WORK_COUNT_PRECISION,
      recordCount: totalOf(response),
      works: hits.map((hit) => workOf(hit)),
      facets: facetsOf(response),
      pageInfo: {
        hasNextPage: response.hits.hits.length > first,
        endCursor: hits.length ? encodeCursor({ f: print, o: offset + hits.length }) : null,
      },
    };
  }
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

function totalOf(response: SearchResponse<CatalogueDocument>): number {
  const total = response.hits.total;
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

function workOf(hit: Hit) {
  const members = (hit.inner_hits?.holdings?.hits.hits ?? []) as Hit[];
  const total = hit.inner_hits?.holdings?.hits.total;
  return {
    id: hit._source!.cluster.key,
    representative: toRecord(hit._source!, hit.highlight),
    holdingsCount: typeof total === 'number' ? total : (total?.value ?? members.length),
    holdings: members.map((member) => holdingOf(member._source!)),
  };
}

function bucketsOf(response: SearchResponse<CatalogueDocument>, name: string): FacetBucket[] {
  const aggregate = response.aggregations?.[name] as AggregationsStringTermsAggregate | undefined;
  const buckets = Array.isArray(aggregate?.buckets) ? aggregate.buckets : [];
  return buckets.map((bucket) => ({ value: String(bucket.key), count: bucket.doc_count }));
}

function facetsOf(response: SearchResponse<CatalogueDocument>): Facets {
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
