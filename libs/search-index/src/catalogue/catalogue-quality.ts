import { Client } from '@elastic/elasticsearch';
import type {
  AggregationsStringTermsAggregate,
  AggregationsStringTermsBucket,
} from '@elastic/elasticsearch/lib/api/types';
import {
  ENCODING_KINDS,
  QUALITY_FIELDS,
  type EncodingExample,
  type EncodingKind,
  type QualityCounts,
} from '@hop-luu/quality';
import { CATALOGUE_FIELDS as FIELD } from './catalogue-fields';
import type { QualityFacts } from './catalogue-document';
import { WORK_COUNT_PRECISION } from './catalogue-stats';

/** What the catalogue index knows of a source's quality (the rest comes from PostgreSQL). */
export type CatalogueQualityCounts = Pick<
  QualityCounts,
  'records' | 'fieldCounts' | 'encodingCounts' | 'encodingExamples' | 'distinctWorks'
>;

const EXAMPLES_PER_KIND = 3;

/**
 * Counts one source's records in the catalogue index with bounded aggregations: one request
 * for shares, encoding problems and distinct works, and one per problem kind for examples
 * (the works shared with other sources: CatalogueStats.recordsOfSharedWorks).
 */
export async function catalogueQualityCounts(
  client: Client,
  index: string,
  sourceId: string,
): Promise<CatalogueQualityCounts> {
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: true,
    query: { term: { [FIELD.sourceId]: sourceId } },
    aggs: {
      present: { terms: { field: FIELD.qualityPresent, size: QUALITY_FIELDS.length } },
      encoding: { terms: { field: FIELD.qualityEncoding, size: ENCODING_KINDS.length } },
      works: {
        cardinality: { field: FIELD.workId, precision_threshold: WORK_COUNT_PRECISION },
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
          bool: {
            filter: [
              { term: { [FIELD.sourceId]: sourceId } },
              { term: { [FIELD.qualityEncoding]: kind } },
            ],
          },
        },
        sort: [{ [FIELD.id]: 'asc' }],
        _source: [FIELD.oaiIdentifier, FIELD.qualityExamples],
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
