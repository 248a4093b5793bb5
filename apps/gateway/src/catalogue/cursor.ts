import { createHash } from 'node:crypto';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';

/** Position in one particular search; the fingerprint stops a cursor being used with another search. */
interface CursorState {
  readonly f: string;
  /** search_after values (record pages). */
  readonly a?: (string | number | null)[];
  /** Offset (work pages: Elasticsearch collapses cannot page with search_after unless sorted by the key). */
  readonly o?: number;
}

export function fingerprint(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(cursor: string, expectedFingerprint: string): CursorState {
  let state: CursorState;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
  } catch {
    throw new CatalogueError(
      CatalogueErrorCode.BadCursor,
      'The `after` cursor is not one this API gave out; pass pageInfo.endCursor unchanged.',
    );
  }
  if (state.f !== expectedFingerprint) {
    throw new CatalogueError(
      CatalogueErrorCode.BadCursor,
      'The `after` cursor belongs to a different query, filters or sort; start again without `after`.',
    );
  }
  return state;
}
