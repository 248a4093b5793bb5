import DataLoader from 'dataloader';
import type { Request } from 'express';
import { In, Repository } from 'typeorm';
import type { Source } from '@hop-luu/sources';

const perRequest = new WeakMap<Request, DataLoader<string, string | null>>();

/**
 * Library names of the sources a list of runs names, one query per request: kept beside
 * the request object (gone with it) so the shared GraphQL context needs no new member.
 */
export function sourceNamesOf(
  req: Request,
  sources: Repository<Source>,
): DataLoader<string, string | null> {
  let loader = perRequest.get(req);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await sources.find({
        select: { id: true, libraryName: true },
        where: { id: In([...ids]) },
      });
      const names = new Map(found.map((source) => [source.id, source.libraryName]));
      return ids.map((id) => names.get(id) ?? null);
    });
    perRequest.set(req, loader);
  }
  return loader;
}
