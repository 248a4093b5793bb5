import { Client } from '@elastic/elasticsearch';
import { VersionedIndex } from '../versioned-index';
import type { WorksIndex } from '../works/works-index';
import type { CatalogueDocument } from './catalogue-document';
import { syncWorksById } from '../works/works-writer';
import {
  CATALOGUE_MAPPING,
  CATALOGUE_MAPPING_VERSION,
  CATALOGUE_SETTINGS,
} from './catalogue-mapping';

/**
 * The catalogue (one document per record) lives in versioned indices (`<prefix>-catalogue-v1`,
 * `-v2`, …) behind one alias (`<prefix>-catalogue`); see VersionedIndex.
 */
export class CatalogueIndex extends VersionedIndex {
  constructor(client: Client, indexPrefix: string) {
    super(client, `${indexPrefix}-catalogue`, {
      settings: CATALOGUE_SETTINGS,
      mappings: CATALOGUE_MAPPING,
      mappingVersion: CATALOGUE_MAPPING_VERSION,
    });
  }

  /**
   * Removes every document of a source (delete_by_query lives in the reindex module, which the
   * core distribution lacks): pages through its ids in id order and bulk-deletes them. With
   * `works`, the works those records were in are rebuilt from the members left (or deleted).
   */
  async deleteBySource(sourceId: string, works?: WorksIndex): Promise<number> {
    let deleted = 0;
    let after: string[] | undefined;
    const workIds = new Set<string>();
    for (;;) {
      const page = await this.client.search<Pick<CatalogueDocument, 'work'>>({
        index: this.alias,
        query: { term: { sourceId } },
        sort: [{ id: 'asc' }],
        search_after: after,
        size: 1000,
        _source: ['work.id'],
      });
      const hits = page.hits.hits;
      for (const hit of hits) if (hit._source?.work) workIds.add(hit._source.work.id);
      if (hits.length === 0) break;
      await this.client.bulk({
        index: this.alias,
        operations: hits.map((hit) => ({ delete: { _id: hit._id } })),
      });
      deleted += hits.length;
      after = hits[hits.length - 1].sort as string[];
    }
    await this.refresh();
    if (works)
      await syncWorksById(this.client, { records: this.alias, works: works.alias }, [...workIds]);
    return deleted;
  }

  /** Number of documents per source, for the given sources. */
  async countsBySource(sourceIds: readonly string[]): Promise<Map<string, number>> {
    const response = await this.client.search({
      index: this.alias,
      size: 0,
      query: { terms: { sourceId: [...sourceIds] } },
      aggs: { bySource: { terms: { field: 'sourceId', size: Math.max(sourceIds.length, 1) } } },
    });
    const buckets =
      (
        response.aggregations?.bySource as
          { buckets: { key: string; doc_count: number }[] } | undefined
      )?.buckets ?? [];
    return new Map(buckets.map((bucket) => [bucket.key, bucket.doc_count]));
  }
}
