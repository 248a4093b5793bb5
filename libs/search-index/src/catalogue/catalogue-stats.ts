import { Client } from '@elastic/elasticsearch';
import { CATALOGUE_FIELDS as FIELD } from './catalogue-fields';
import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
} from '@elastic/elasticsearch/lib/api/types';

/** Below this many works, the cardinality aggregation counting them is exact in practice. */
export const WORK_COUNT_PRECISION = 40_000;

/** Cluster keys asked about per round when finding the works only one source holds. */
const KEYS_PER_ROUND = 2000;

export interface CatalogueTotals {
  readonly records: number;
  /** Works (distinct cluster keys); exact below WORK_COUNT_PRECISION, approximate above. */
  readonly works: number;
}

export interface ProvinceRecords {
  readonly province: string;
  readonly records: number;
  readonly sources: number;
}

interface Buckets<K = string> {
  buckets: { key: K; doc_count: number; sources?: { value: number } }[];
  after_key?: Record<string, string>;
}

/**
 * Figures about the catalogue for the console: totals, records per province, and what
 * deleting a source would take out. Every field name of the catalogue mapping used here stays
 * in this library. `sourceIds` restricts a figure to those sources (undefined: all of them).
 */
export class CatalogueStats {
  constructor(
    private readonly client: Client,
    private readonly alias: string,
  ) {}

  async totals(sourceIds?: readonly string[]): Promise<CatalogueTotals> {
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      track_total_hits: true,
      query: ofSources(sourceIds),
      aggs: {
        works: {
          cardinality: { field: FIELD.clusterKey, precision_threshold: WORK_COUNT_PRECISION },
        },
      },
    });
    const total = response.hits.total;
    const records = typeof total === 'number' ? total : (total?.value ?? 0);
    const works = (response.aggregations?.works as { value: number } | undefined)?.value ?? 0;
    return { records, works };
  }

  /** Records and sources per province, most records first; records without a province are left out. */
  async recordsByProvince(sourceIds?: readonly string[]): Promise<ProvinceRecords[]> {
    const aggs: Record<string, AggregationsAggregationContainer> = {
      provinces: {
        terms: { field: FIELD.libraryProvince, size: 200 },
        aggs: { sources: { cardinality: { field: FIELD.sourceId } } },
      },
    };
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      query: ofSources(sourceIds),
      aggs,
    });
    const buckets = (response.aggregations?.provinces as Buckets | undefined)?.buckets ?? [];
    return buckets.map((bucket) => ({
      province: bucket.key,
      records: bucket.doc_count,
      sources: bucket.sources?.value ?? 0,
    }));
  }

  /**
   * Works whose every record comes from this source: they leave the catalogue with it. Pages
   * through the source's cluster keys and asks, per page, which of them other sources hold
   * too (two requests per 2,000 works).
   */
  async worksOnlyIn(sourceId: string): Promise<number> {
    let only = 0;
    let after: Record<string, string> | undefined;
    for (;;) {
      const page = await this.clusterKeysOf(sourceId, after);
      if (page.keys.length === 0) return only;
      only += page.keys.length - (await this.heldElsewhere(sourceId, page.keys));
      if (!page.after) return only;
      after = page.after;
    }
  }

  private async clusterKeysOf(
    sourceId: string,
    after: Record<string, string> | undefined,
  ): Promise<{ keys: string[]; after?: Record<string, string> }> {
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      query: { term: { [FIELD.sourceId]: sourceId } },
      aggs: {
        keys: {
          composite: {
            size: KEYS_PER_ROUND,
            sources: [{ key: { terms: { field: FIELD.clusterKey } } }],
            ...(after ? { after } : {}),
          },
        },
      },
    });
    const keys = response.aggregations?.keys as Buckets<{ key: string }> | undefined;
    const buckets = keys?.buckets ?? [];
    return {
      keys: buckets.map((bucket) => bucket.key.key),
      after: buckets.length === KEYS_PER_ROUND ? keys?.after_key : undefined,
    };
  }

  private async heldElsewhere(sourceId: string, keys: string[]): Promise<number> {
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      query: {
        bool: {
          filter: [{ terms: { [FIELD.clusterKey]: keys } }],
          must_not: [{ term: { [FIELD.sourceId]: sourceId } }],
        },
      },
      aggs: {
        keys: { cardinality: { field: FIELD.clusterKey, precision_threshold: KEYS_PER_ROUND * 2 } },
      },
    });
    return (response.aggregations?.keys as { value: number } | undefined)?.value ?? 0;
  }
}

function ofSources(sourceIds: readonly string[] | undefined): QueryDslQueryContainer {
  return sourceIds ? { terms: { [FIELD.sourceId]: [...sourceIds] } } : { match_all: {} };
}
