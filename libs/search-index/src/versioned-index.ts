import { Client, errors } from '@elastic/elasticsearch';
import type {
  IndicesIndexSettings,
  MappingTypeMapping,
} from '@elastic/elasticsearch/lib/api/types';

/** What an index is built with; a higher `mappingVersion` means documents must be indexed again. */
export interface IndexDefinition {
  readonly settings: IndicesIndexSettings;
  readonly mappings: MappingTypeMapping;
  readonly mappingVersion: number;
}

/**
 * An index that lives in versions (`<alias>-v1`, `-v2`, …) behind one alias. Readers and
 * writers only use the alias; a rebuild creates the next version and swaps the alias in one
 * atomic request. The catalogue (records) and the works index are both kept this way.
 */
export class VersionedIndex {
  constructor(
    protected readonly client: Client,
    readonly alias: string,
    private readonly definition: IndexDefinition,
  ) {}

  versionName(version: number): string {
    return `${this.alias}-v${version}`;
  }

  /** Creates v1 and the alias on first use. Safe to call from several processes at once. */
  async ensure(): Promise<void> {
    if (await this.client.indices.existsAlias({ name: this.alias })) return;
    await this.createVersion(1);
    try {
      await this.client.indices.updateAliases({
        actions: [{ add: { index: this.versionName(1), alias: this.alias } }],
      });
    } catch (error) {
      // Another process pointed the alias at another version meanwhile: theirs stands.
      if (!(await this.client.indices.existsAlias({ name: this.alias }))) throw error;
    }
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
    return live !== undefined && live < this.definition.mappingVersion ? live : undefined;
  }

  /** True when the live index predates this release's mapping and must be rebuilt. */
  async isOutdated(): Promise<boolean> {
    return (await this.outdatedMappingVersion()) !== undefined;
  }

  /** Creates an empty index with this index's mapping; an index of that name already there is fine. */
  async createVersion(version: number): Promise<string> {
    const index = this.versionName(version);
    try {
      await this.client.indices.create({
        index,
        settings: this.definition.settings,
        mappings: this.definition.mappings,
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

  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: this.alias });
  }
}
