import type { Request } from 'express';
import DataLoader from 'dataloader';
import { Actor } from '@hop-luu/access';
import { CatalogueRecord } from '../catalogue/record.types';

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  readonly req: Request;
  readonly actor: Actor;
  /** Batches every record-by-id lookup of one request into a single mget. */
  readonly records: DataLoader<string, CatalogueRecord | null>;
}
