import DataLoader from 'dataloader';
import { HarvestRun, HarvestRunsService } from '@hop-luu/harvest-runs';
import { CatalogueIndex } from '@hop-luu/search-index';

/**
 * Per-request loaders for the fields a source list asks about: listing 60 sources costs one
 * count query and two run queries, not 180.
 */
export interface SourceStatsLoaders {
  readonly recordCount: DataLoader<string, number>;
  readonly lastRun: DataLoader<string, HarvestRun | null>;
  readonly lastFinishedRun: DataLoader<string, HarvestRun | null>;
}

export function sourceStatsLoaders(
  catalogue: CatalogueIndex,
  runs: HarvestRunsService,
): SourceStatsLoaders {
  const bySource = async (ids: readonly string[], finishedOnly: boolean) => {
    const found = new Map(
      (await runs.lastRunOf(ids, finishedOnly)).map((run) => [run.sourceId, run]),
    );
    return ids.map((id) => found.get(id) ?? null);
  };
  return {
    recordCount: new DataLoader(async (ids) => {
      const counts = await catalogue.countsBySource(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    lastRun: new DataLoader((ids) => bySource(ids, false)),
    lastFinishedRun: new DataLoader((ids) => bySource(ids, true)),
  };
}
