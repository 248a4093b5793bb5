import { Client } from '@elastic/elasticsearch';
import type {
  AggregationsCompositeAggregate,
  AggregationsStringTermsAggregate,
  AggregationsStringTermsBucket,
  QueryDslQueryContainer,
} from '@elastic/elasticsearch/lib/api/types';
import {
  ENCODING_KINDS,
  QUALITY_FIELDS,
  type EncodingExample,
  type EncodingKind,
  type QualityCounts,
} from '@hop-luu/quality';
import type { QualityFacts } from '@hop-luu/search-index';

/** What the catalogue index knows of a source's quality (the rest comes from PostgreSQL). */
export type CatalogueQualityCounts = Pick<
  QualityCounts,
  | 'records'
  | 'fieldCounts'
  | 'encodingCounts'
  | 'encodingExamples'
  | 'distinctWorks'
  | 'sharedWorkRecords'
>;

const EXAMPLES_PER_KIND = 3;
/**
 * Cluster keys compared per request pair when looking for works other sources hold. Each
 * composite page reads the doc values of all the source's documents, so pages are large:
 * a million-record source takes about a hundred pairs; a page's keys are about 1 MB.
 */
const KEYS_PER_PAGE = 10_000;
/** Exact below this many distinct works; within a few percent above, in ~320 KB. */
const CARDINALITY_PRECISION = 40_000;

/**
 * Counts one source's records in the catalogue index with bounded aggregations: one request
 * for shares, encoding problems and distinct works, one per problem kind for examples, and
 * two per ten thousand distinct works for the works shared with other sources.
 */
export async function catalogueQualityCounts(
  client: Client,
  index: string,
  sourceId: string,
): Promise<CatalogueQualityCounts> {
  const ofSource: QueryDslQueryContainer = { term: { sourceId } };
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: true,
    query: ofSource,
    aggs: {
      present: { terms: { field: 'quality.present', size: QUALITY_FIELDS.length } },
      encoding: { terms: { field: 'quality.encoding', size: ENCODING_KINDS.length } },
      works: {
        cardinality: { field: 'cluster.key', precision_threshold: CARDINALITY_PRECISION },
      },
    },
  });
  const total = response.hits.total;
  const records = typeof total === 'number' ? total : (total?.value ?? 0);
  const aggs = response.aggregations ?? {};
  const encodingCounts = bucketCounts(aggs.encoding) as Partial<Record<EncodingKind, number>>;
  return {
    records,
    fieldCounts: bucketCounts(aggs.present),
    encodingCounts,
    encodingExamples: await examples(client, index, sourceId, encodingCounts),
    distinctWorks: (aggs.works as { value?: number } | undefined)?.value ?? 0,
    sharedWorkRecords: await sharedWorkRecords(client, index, sourceId),
  };
}

function bucketCounts(aggregate: unknown): Record<string, number> {
  const buckets = (aggregate as AggregationsStringTermsAggregate | undefined)?.buckets;
  if (!Array.isArray(buckets)) return {};
  return Object.fromEntries(
    buckets.map((bucket: AggregationsStringTermsBucket) => [String(bucket.key), bucket.doc_count]),
  );
}

async function examples(
  client: Client,
  index: string,
  sourceId: string,
  counts: Partial<Record<EncodingKind, number>>,
): Promise<Partial<Record<EncodingKind, EncodingExample[]>>> {
  const kinds = ENCODING_KINDS.filter((kind) => (counts[kind] ?? 0) > 0);
  const found = await Promise.all(
    kinds.map(async (kind) => {
      const response = await client.search<{
        oaiIdentifier: string;
        quality: Pick<QualityFacts, 'examples'>;
      }>({
        index,
        size: EXAMPLES_PER_KIND,
        query: {
          bool: { filter: [{ term: { sourceId } }, { term: { 'quality.encoding': kind } }] },
        },
        sort: [{ id: 'asc' }],
        _source: ['oaiIdentifier', 'quality.examples'],
      });
      return [kind, response.hits.hits.flatMap((hit) => exampleOf(hit._source, kind))] as const;
    }),
  );
  return Object.fromEntries(found);
}

function exampleOf(
  doc: { oaiIdentifier: string; quality: Pick<QualityFacts, 'examples'> } | undefined,
  kind: EncodingKind,
): EncodingExample[] {
  const example = doc?.quality.examples.find((candidate) => candidate.kind === kind);
  if (!doc || !example) return [];
  const { field, before, after } = example;
  return [{ identifier: doc.oaiIdentifier, field, before, after }];
}

/**
 * Records of the source whose cluster key another source also has: the source's keys a page
 * at a time (composite aggregation), and for each page which of them other sources hold.
 * Memory stays at one page whatever the source's size.
 */
async function sharedWorkRecords(client: Client, index: string, sourceId: string): Promise<number> {
  let shared = 0;
  let after: Record<string, string> | undefined;
  for (;;) {
    const page = await client.search({
      index,
      size: 0,
      query: { term: { sourceId } },
      aggs: {
        keys: {
          composite: {
            size: KEYS_PER_PAGE,
            sources: [{ key: { terms: { field: 'cluster.key' } } }],
            ...(after ? { after } : {}),
          },
        },
      },
    });
    const keys = page.aggregations?.keys as AggregationsCompositeAggregate | undefined;
    const buckets = Array.isArray(keys?.buckets) ? keys.buckets : [];
    if (buckets.length === 0) return shared;
    const counts = new Map(buckets.map((bucket) => [String(bucket.key.key), bucket.doc_count]));
    for (const key of await heldElsewhere(client, index, sourceId, [...counts.keys()]))
      shared += counts.get(key) ?? 0;
    if (!keys?.after_key || buckets.length < KEYS_PER_PAGE) return shared;
    after = keys.after_key as Record<string, string>;
  }
}

async function heldElsewhere(
  client: Client,
  index: string,
  sourceId: string,
  keys: string[],
): Promise<string[]> {
  const response = await client.search({
    index,
    size: 0,
    query: {
      bool: {
        filter: [{ terms: { 'cluster.key': keys } }],
        must_not: [{ term: { sourceId } }],
      },
    },
    aggs: { keys: { terms: { field: 'cluster.key', size: keys.length } } },
  });
  return Object.keys(bucketCounts(response.aggregations?.keys));
}
