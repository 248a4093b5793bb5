import DataLoader from 'dataloader';
import {
  COMPLETED_STATUSES,
  CONCLUDED_STATUSES,
  HarvestRun,
  HarvestRunsService,
  RunStatus,
} from '@hop-luu/harvest-runs';
import { CatalogueIndex } from '@hop-luu/search-index';

/**
 * Per-request loaders for the fields a source list asks about: listing 60 sources costs one
 * count query and one query per kind of run, not one per source and field.
 */
export interface SourceStatsLoaders {
  readonly recordCount: DataLoader<string, number>;
  readonly lastRun: DataLoader<string, HarvestRun | null>;
  /** The newest run that ended on its own (succeeded, partial or failed): health is judged by it. */
  readonly lastConcludedRun: DataLoader<string, HarvestRun | null>;
  /** The newest run that reached the end of its list (succeeded or partial). */
  readonly lastCompletedRun: DataLoader<string, HarvestRun | null>;
}

export function sourceStatsLoaders(
  catalogue: CatalogueIndex,
  runs: HarvestRunsService,
): SourceStatsLoaders {
  const bySource = async (ids: readonly string[], statuses?: readonly RunStatus[]) => {
    const found = new Map((await runs.lastRunOf(ids, statuses)).map((run) => [run.sourceId, run]));
    return ids.map((id) => found.get(id) ?? null);
  };
  return {
    recordCount: new DataLoader(async (ids) => {
      const counts = await catalogue.countsBySource(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    lastRun: new DataLoader((ids) => bySource(ids)),
    lastConcludedRun: new DataLoader((ids) => bySource(ids, CONCLUDED_STATUSES)),
    lastCompletedRun: new DataLoader((ids) => bySource(ids, COMPLETED_STATUSES)),
  };
}
