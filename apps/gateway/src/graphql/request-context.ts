import type { Request } from 'express';
import DataLoader from 'dataloader';
import { Actor } from '@hop-luu/access';
import { CatalogueRecord } from '../catalogue/record.types';
import { SourceStatsLoaders } from '../sources/source-stats.loaders';

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  readonly req: Request;
  readonly actor: Actor;
  /** Batches every record-by-id lookup of one request into a single mget. */
  readonly records: DataLoader<string, CatalogueRecord | null>;
  /** Batches record counts and last runs of the sources in one answer. */
  readonly sourceStats: SourceStatsLoaders;
}
