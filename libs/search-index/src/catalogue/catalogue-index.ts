import { Client, errors } from '@elastic/elasticsearch';
import {
  CATALOGUE_MAPPING,
  CATALOGUE_MAPPING_VERSION,
  CATALOGUE_SETTINGS,
} from './catalogue-mapping';

/**
 * The catalogue lives in versioned indices (`<prefix>-catalogue-v1`, `-v2`, …) behind one
 * alias (`<prefix>-catalogue`). Readers and writers only use the alias; a reindex builds the
 * next version and swaps the alias in one atomic request.
 */
export class CatalogueIndex {
  readonly alias: string;

  constructor(
    private readonly client: Client,
    indexPrefix: string,
  ) {
    this.alias = `${indexPrefix}-catalogue`;
  }

  versionName(version: number): string {
    return `${this.alias}-v${version}`;
  }

  /** Creates v1 and the alias on first use. Safe to call from several processes at once. */
  async ensure(): Promise<void> {
    if (await this.client.indices.existsAlias({ name: this.alias })) return;
    await this.createVersion(1);
    await this.client.indices.updateAliases({
      actions: [{ add: { index: this.versionName(1), alias: this.alias } }],
    });
  }

  /** The concrete index the alias points at now. */
  async currentIndex(): Promise<string | undefined> {
    try {
      const found = await this.client.indices.getAlias({ name: this.alias });
      return Object.keys(found)[0];
    } catch (error) {
      if (error instanceof errors.ResponseError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /**
   * The mapping version the live index was built under (indices from before versions were
   * recorded count as 1); undefined when there is no live index yet.
   */
  async liveMappingVersion(): Promise<number | undefined> {
    const index = await this.currentIndex();
    if (!index) return undefined;
    const found = await this.client.indices.getMapping({ index });
    const meta = found[index]?.mappings?._meta as { mappingVersion?: number } | undefined;
    return meta?.mappingVersion ?? 1;
  }

  /** The live index's mapping version when it predates this release's (it must be rebuilt), else undefined. */
  async outdatedMappingVersion(): Promise<number | undefined> {
    const live = await this.liveMappingVersion();
    return live !== undefined && live < CATALOGUE_MAPPING_VERSION ? live : undefined;
  }

  /** True when the live index predates this release's mapping and must be rebuilt. */
  async isOutdated(): Promise<boolean> {
    return (await this.outdatedMappingVersion()) !== undefined;
  }

  /** Creates an empty index with the catalogue mapping; an index of that name already there is fine. */
  async createVersion(version: number): Promise<string> {
    const index = this.versionName(version);
    try {
      await this.client.indices.create({
        index,
        settings: CATALOGUE_SETTINGS,
        mappings: CATALOGUE_MAPPING,
      });
    } catch (error) {
      const alreadyThere =
        error instanceof errors.ResponseError &&
        error.body?.error?.type === 'resource_already_exists_exception';
      if (!alreadyThere) throw error;
    }
    return index;
  }

  async nextVersion(): Promise<number> {
    const current = await this.currentIndex();
    const match = current ? /-v(\d+)$/.exec(current) : null;
    return match ? Number(match[1]) + 1 : 1;
  }

  /** Points the alias at `index` and away from every other index, in one atomic request. */
  async swapAlias(index: string): Promise<string | undefined> {
    const previous = await this.currentIndex();
    const actions = [
      ...(previous && previous !== index
        ? [{ remove: { index: previous, alias: this.alias } }]
        : []),
      { add: { index, alias: this.alias } },
    ];
    await this.client.indices.updateAliases({ actions });
    return previous;
  }

  /**
   * Deletes versions older than `keep`. The version the alias just left is kept, so searches
   * already running on it finish and an operator can swap back.
   */
  async deleteVersionsBefore(keep: string | undefined): Promise<void> {
    const keepVersion = keep ? Number(/-v(\d+)$/.exec(keep)?.[1] ?? 0) : 0;
    const all = await this.client.indices.get({ index: `${this.alias}-v*` });
    const old = Object.keys(all).filter(
      (name) => Number(/-v(\d+)$/.exec(name)?.[1] ?? 0) < keepVersion,
    );
    if (old.length > 0) await this.client.indices.delete({ index: old });
  }

  /**
   * Removes every document of a source (delete_by_query lives in the reindex module, which the
   * core distribution lacks): pages through its ids in id order and bulk-deletes them.
   */
  async deleteBySource(sourceId: string): Promise<number> {
    let deleted = 0;
    let after: string[] | undefined;
    for (;;) {
      const page = await this.client.search({
        index: this.alias,
        query: { term: { sourceId } },
        sort: [{ id: 'asc' }],
        search_after: after,
        size: 1000,
        _source: false,
      });
      const hits = page.hits.hits;
      if (hits.length === 0) break;
      await this.client.bulk({
        index: this.alias,
        operations: hits.map((hit) => ({ delete: { _id: hit._id } })),
      });
      deleted += hits.length;
      after = hits[hits.length - 1].sort as string[];
    }
    await this.refresh();
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

  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: this.alias });
  }
}
