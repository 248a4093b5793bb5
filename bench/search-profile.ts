/**
 * Where a search's time goes, measured directly against Elasticsearch: the gateway's own
 * query (built with libs/search-index's query functions) sent with one part removed or changed at a
 * time, one request at a time, reporting the median `took` per variant and kind of query.
 */
import { Client } from '@elastic/elasticsearch';
import type {
  AggregationsAggregationContainer,
  SearchRequest,
} from '@elastic/elasticsearch/lib/api/types';
import { HIGHLIGHT, RECORDS_TARGET, searchQuery } from '@hop-luu/search-index';
import { QueryKind, SearchVariables } from './search-queries';

/* The facet aggregations as the gateway defines them (search-request.ts), restated here
   because their export is being reworked; the three the bench asks for come first. */
const THREE_FACETS: Record<string, AggregationsAggregationContainer> = {
  languages: { terms: { field: 'languages', size: 30 } },
  types: { terms: { field: 'type', size: 10 } },
  libraryKinds: { terms: { field: 'library.kind', size: 10 } },
};
const ALL_FACETS: Record<string, AggregationsAggregationContainer> = {
  ...THREE_FACETS,
  sources: { terms: { field: 'sourceId', size: 100 } },
  provinces: { terms: { field: 'library.province', size: 70 } },
  years: { terms: { field: 'year', size: 50 } },
  subjects: { terms: { field: 'subjects', size: 20 } },
};
const WORK_COUNT = { cardinality: { field: 'work.id', precision_threshold: 40_000 } };
const COLLAPSE: SearchRequest['collapse'] = {
  field: 'work.id',
  inner_hits: { name: 'holdings', size: 50, sort: [{ 'library.kind': 'asc' }, { id: 'asc' }] },
};

/**
 * A works search as ONE request (collapse with inner hits, three facets, the work count), the
 * baseline the variants below take parts out of. The gateway itself now splits it: hits and
 * cacheable counts in one msearch, holdings in a separate aggregation.
 */
export function worksRequest(alias: string, variables: SearchVariables): SearchRequest {
  return {
    index: alias,
    query: searchQuery(variables.q, RECORDS_TARGET.filterClauses(variables.f)),
    sort: RECORDS_TARGET.sortFor('RELEVANCE'),
    from: 0,
    size: 21,
    track_total_hits: true,
    collapse: COLLAPSE,
    aggs: { ...THREE_FACETS, works: WORK_COUNT },
    highlight: HIGHLIGHT,
  };
}

type Variant = [name: string, change: (request: SearchRequest) => SearchRequest];

const VARIANTS: Variant[] = [
  ['works search in one request', (r) => r],
  ['  all 7 facets instead of 3', (r) => ({ ...r, aggs: { ...ALL_FACETS, works: WORK_COUNT } })],
  ['  no facets (works count kept)', (r) => ({ ...r, aggs: { works: WORK_COUNT } })],
  ['  no works count (cardinality)', (r) => ({ ...r, aggs: THREE_FACETS })],
  ['  no aggregations at all', (r) => ({ ...r, aggs: undefined })],
  ['  no highlight', (r) => ({ ...r, highlight: undefined })],
  ['  no collapse / inner hits', (r) => ({ ...r, collapse: undefined })],
  ['  track_total_hits: 10000', (r) => ({ ...r, track_total_hits: 10_000 })],
  [
    'query + top 21 only',
    (r) => ({
      ...r,
      aggs: undefined,
      highlight: undefined,
      collapse: undefined,
      track_total_hits: false,
    }),
  ],
];

async function medianTook(client: Client, request: SearchRequest, runs: number): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < runs; i++) took.push((await client.search(request)).took);
  took.sort((a, b) => a - b);
  return took[Math.floor(took.length / 2)];
}

export interface ProfileRow {
  readonly variant: string;
  /** Median `took` (ms) per kind, in the order of the kinds given. */
  readonly tookMs: number[];
}

/** For each variant and kind (its first search), the median `took` of `runs` sequential requests. */
export async function profileVariants(
  client: Client,
  alias: string,
  kinds: readonly QueryKind[],
  runs: number,
): Promise<ProfileRow[]> {
  const rows: ProfileRow[] = [];
  for (const [variant, change] of VARIANTS) {
    const tookMs: number[] = [];
    for (const kind of kinds) {
      tookMs.push(await medianTook(client, change(worksRequest(alias, kind.variants[0])), runs));
    }
    rows.push({ variant, tookMs });
  }
  return rows;
}

/** Median end-to-end time of one GraphQL request at a time (no concurrency), per kind. */
export async function sequentialGatewayMs(
  url: string,
  body: (variables: SearchVariables) => string,
  kinds: readonly QueryKind[],
  runs: number,
): Promise<number[]> {
  const medians: number[] = [];
  for (const kind of kinds) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(kind.variants[0]),
      });
      await response.text();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    medians.push(times[Math.floor(times.length / 2)]);
  }
  return medians;
}
