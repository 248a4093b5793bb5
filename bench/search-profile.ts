/**
 * Where a search's time goes, measured directly against Elasticsearch: the gateway's own
 * query (built with libs/search-index's query functions) on the works index, sent with one part
 * removed at a time, and the same search on the records index, one request at a time,
 * reporting the median `took` per variant and kind of query.
 */
import { Client } from '@elastic/elasticsearch';
import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import {
  FacetName,
  HIGHLIGHT,
  RECORDS_TARGET,
  searchQuery,
  SearchTarget,
  WORKS_TARGET,
} from '@hop-luu/search-index';
import { QueryKind, SearchVariables } from './search-queries';

/** The three facets the bench's GraphQL operations ask for. */
const THREE_FACETS: FacetName[] = ['languages', 'types', 'libraryKinds'];

/**
 * A search as ONE request on `target`'s index (top 21 hits, three facets, the exact count; no
 * highlights, which the bench's GraphQL operations do not ask for), the baseline the variants
 * below change. The gateway itself splits it: hits, and cacheable counts, in one msearch.
 */
function fullRequest(
  target: SearchTarget,
  alias: string,
  variables: SearchVariables,
): SearchRequest {
  return {
    index: alias,
    query: searchQuery(variables.q, target.filterClauses(variables.f)),
    sort: target.sortFor('RELEVANCE'),
    size: 21,
    track_total_hits: true,
    aggs: target.facetAggregations(THREE_FACETS),
  };
}

/** A works search on the works index, as the gateway's `search` asks it (in one request). */
export function worksRequest(alias: string, variables: SearchVariables): SearchRequest {
  return fullRequest(WORKS_TARGET, alias, variables);
}

/** The same search on the records index, as `searchRecords` asks it. */
export function recordsRequest(alias: string, variables: SearchVariables): SearchRequest {
  return fullRequest(RECORDS_TARGET, alias, variables);
}

/** The query alone: its top 21 hits, nothing counted, nothing highlighted. */
const top21Only = (r: SearchRequest): SearchRequest => ({
  ...r,
  aggs: undefined,
  highlight: undefined,
  track_total_hits: false,
});

type Variant = [name: string, change: (request: SearchRequest) => SearchRequest];

const VARIANTS: Variant[] = [
  ['works: 3 facets + exact count + top 21', (r) => r],
  ['  with highlights', (r) => ({ ...r, highlight: HIGHLIGHT })],
  ['  3 facets, no count', (r) => ({ ...r, track_total_hits: false })],
  ['  exact count, no facets', (r) => ({ ...r, aggs: undefined })],
  ['works: query + top 21 only', top21Only],
];

/**
 * The works search as the gateway sends it: the top 21 hits and the counts (exact count, three
 * facets) as two searches of one msearch, which Elasticsearch runs side by side; its `took`
 * is the msearch's. The counts skip the request cache here, as an uncached search would.
 */
async function gatewayMsearchTook(
  client: Client,
  alias: string,
  variables: SearchVariables,
  runs: number,
): Promise<number> {
  const full = worksRequest(alias, variables);
  const hits = top21Only(full);
  const counts = { ...full, size: 0 };
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const response = await client.msearch({
      index: alias,
      searches: [{}, withoutIndex(hits), { request_cache: false }, withoutIndex(counts)],
    });
    took.push(response.took);
  }
  took.sort((a, b) => a - b);
  return took[Math.floor(took.length / 2)];
}

function withoutIndex(request: SearchRequest): Omit<SearchRequest, 'index'> {
  const { index: _index, ...body } = request;
  return body;
}

async function medianTook(client: Client, request: SearchRequest, runs: number): Promise<number> {
  const took: number[] = [];
  // Uncached: a repeated search must not be answered from the shard request cache.
  for (let i = 0; i < runs; i++)
    took.push((await client.search({ ...request, request_cache: false })).took);
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
  aliases: { records: string; works: string },
  kinds: readonly QueryKind[],
  runs: number,
): Promise<ProfileRow[]> {
  const rows: ProfileRow[] = [];
  const row = async (variant: string, request: (kind: QueryKind) => SearchRequest) => {
    const tookMs: number[] = [];
    for (const kind of kinds) tookMs.push(await medianTook(client, request(kind), runs));
    rows.push({ variant, tookMs });
  };
  for (const [variant, change] of VARIANTS)
    await row(variant, (kind) => change(worksRequest(aliases.works, kind.variants[0])));
  const split: number[] = [];
  for (const kind of kinds)
    split.push(await gatewayMsearchTook(client, aliases.works, kind.variants[0], runs));
  rows.push({ variant: 'works: as the gateway asks (hits | counts msearch)', tookMs: split });
  await row('records: 3 facets + exact count + top 21', (kind) =>
    recordsRequest(aliases.records, kind.variants[0]),
  );
  await row('records: query + top 21 only', (kind) =>
    top21Only(recordsRequest(aliases.records, kind.variants[0])),
  );
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
