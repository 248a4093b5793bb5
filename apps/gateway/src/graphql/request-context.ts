import type { Request, Response } from 'express';
import DataLoader from 'dataloader';
import { Actor } from '@hop-luu/access';
import { CatalogueRecordType } from '../catalogue/record.types';
import { SourceStatsLoaders } from '../sources/source-stats.loaders';

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  readonly req: Request;
  readonly actor: Actor;
  /** Aborts when the client goes away before its answer is sent; searches stop then. */
  readonly abandoned: AbortSignal;
  /** Batches every record-by-id lookup of one request into a single mget. */
  readonly records: DataLoader<string, CatalogueRecordType | null>;
  /** Batches record counts and last runs of the sources in one answer. */
  readonly sourceStats: SourceStatsLoaders;
}

/** A signal that aborts if `res` closes before its answer was sent in full. */
export function abandonmentOf(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('the client went away'));
  });
  return controller.signal;
}
