import { Client } from '@elastic/elasticsearch';
import { CATALOGUE_FIELDS as FIELD } from './catalogue-fields';
import { WORK_FIELDS } from '../works/works-fields';
import type {
  AggregationsAggregationContainer,
  QueryDslQueryContainer,
} from '@elastic/elasticsearch/lib/api/types';

/** Below this many works, the cardinality aggregation counting them is exact in practice. */
export const WORK_COUNT_PRECISION = 40_000;

/**
 * Work ids asked about per round when comparing a source's works with the others'. Each
 * round's composite page reads the doc values of all the source's documents, so rounds are
 * large: a million-record source takes about a hundred; a round's keys are about 1 MB.
 */
const KEYS_PER_ROUND = 10_000;

export interface CatalogueTotals {
  readonly records: number;
  /** Works (held by one of the sources asked about): exact, one document each in the works index. */
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
    private readonly worksAlias: string,
  ) {}

  async totals(sourceIds?: readonly string[]): Promise<CatalogueTotals> {
    const [records, works] = await Promise.all([
      this.client.count({ index: this.alias, query: ofSources(sourceIds) }),
      // Before the first harvest there is no works index yet: no works.
      this.client.count({
        index: this.worksAlias,
        query: sourceIds
          ? { terms: { [WORK_FIELDS.sourceIds]: [...sourceIds] } }
          : { match_all: {} },
        ignore_unavailable: true,
        allow_no_indices: true,
      }),
    ]);
    return { records: records.count, works: works.count };
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
   * through the source's work ids and asks, per page, which of them other sources hold
   * too (two requests per 10,000 works).
   */
  async worksOnlyIn(sourceId: string): Promise<number> {
    let only = 0;
    for await (const round of this.keyRounds(sourceId))
      only += round.records.size - round.elsewhere.size;
    return only;
  }

  /** Records of this source whose work another source holds too (the same rounds as worksOnlyIn). */
  async recordsOfSharedWorks(sourceId: string): Promise<number> {
    let shared = 0;
    for await (const round of this.keyRounds(sourceId))
      for (const key of round.elsewhere) shared += round.records.get(key) ?? 0;
    return shared;
  }

  /** The source's work ids a round at a time (with its records per key), and which of them other sources hold. */
  private async *keyRounds(
    sourceId: string,
  ): AsyncGenerator<{ records: Map<string, number>; elsewhere: Set<string> }> {
    let after: Record<string, string> | undefined;
    do {
      const page = await this.workIdsOf(sourceId, after);
      if (page.records.size === 0) return;
      yield {
        records: page.records,
        elsewhere: await this.heldElsewhere(sourceId, [...page.records.keys()]),
      };
      after = page.after;
    } while (after);
  }

  private async workIdsOf(
    sourceId: string,
    after: Record<string, string> | undefined,
  ): Promise<{ records: Map<string, number>; after?: Record<string, string> }> {
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      query: { term: { [FIELD.sourceId]: sourceId } },
      aggs: {
        keys: {
          composite: {
            size: KEYS_PER_ROUND,
            sources: [{ key: { terms: { field: FIELD.workId } } }],
            ...(after ? { after } : {}),
          },
        },
      },
    });
    const keys = response.aggregations?.keys as Buckets<{ key: string }> | undefined;
    const buckets = keys?.buckets ?? [];
    return {
      records: new Map(buckets.map((bucket) => [bucket.key.key, bucket.doc_count])),
      after: buckets.length === KEYS_PER_ROUND ? keys?.after_key : undefined,
    };
  }

  private async heldElsewhere(sourceId: string, keys: string[]): Promise<Set<string>> {
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      query: {
        bool: {
          filter: [{ terms: { [FIELD.workId]: keys } }],
          must_not: [{ term: { [FIELD.sourceId]: sourceId } }],
        },
      },
      aggs: { keys: { terms: { field: FIELD.workId, size: keys.length } } },
    });
    const buckets = (response.aggregations?.keys as Buckets | undefined)?.buckets ?? [];
    return new Set(buckets.map((bucket) => bucket.key));
  }
}

function ofSources(sourceIds: readonly string[] | undefined): QueryDslQueryContainer {
  return sourceIds ? { terms: { [FIELD.sourceId]: [...sourceIds] } } : { match_all: {} };
}
