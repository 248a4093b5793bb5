import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';

/** Longer than any cursor this API gives out; a longer one is refused unread. */
const MAX_CURSOR_LENGTH = 2048;
/** A page's sort values: at most the sort field and the id tiebreaker (two), plus room. */
const MAX_SORT_VALUES = 4;
const MAX_SORT_VALUE_LENGTH = 1024;

export type SortValue = string | number | null;

/** Position in one particular search; the fingerprint stops a cursor being used with another search. */
export interface SearchCursor {
  readonly f: string;
  /** search_after values: the sort values of the last hit of the previous page. */
  readonly a?: SortValue[];
}

/** A short digest of a search's identity (see SearchPlan), carried in its cursors. */
export function fingerprint(search: string): string {
  return createHash('sha1').update(search).digest('base64url').slice(0, 12);
}

function notOurs(what = 'cursor'): never {
  throw new CatalogueError(
    CatalogueErrorCode.BadCursor,
    `The \`after\` ${what} is not one this API gave out (or it was altered); pass the endCursor of the previous page unchanged.`,
  );
}

/**
 * Opaque page cursors: JSON, then an HMAC-SHA256 of it under the gateway's cursor key
 * (GATEWAY_CURSOR_SECRET), so a cursor a client altered is BAD_CURSOR before any of its
 * values reaches PostgreSQL or Elasticsearch. The values are still checked for their shape.
 */
export class CursorCodec {
  constructor(private readonly key: string) {}

  seal(payload: unknown): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.signature(body)}`;
  }

  /** The payload of a cursor this codec sealed; BAD_CURSOR for anything else. */
  open(cursor: string): unknown {
    if (cursor.length > MAX_CURSOR_LENGTH) notOurs();
    const [body, signature, ...rest] = cursor.split('.');
    if (!body || !signature || rest.length > 0) notOurs();
    const expected = Buffer.from(this.signature(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) notOurs();
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    } catch {
      return notOurs();
    }
  }

  encodeSearch(state: SearchCursor): string {
    return this.seal(state);
  }

  /** The search_after values of a cursor made for the search `print` (records or works). */
  searchAfter(cursor: string, print: string): SortValue[] {
    const { a } = this.searchState(cursor, print);
    if (!Array.isArray(a) || a.length === 0 || a.length > MAX_SORT_VALUES || !a.every(isSortValue))
      notOurs();
    return a;
  }

  private searchState(cursor: string, print: string): Partial<Record<keyof SearchCursor, unknown>> {
    const state = this.open(cursor);
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return notOurs();
    const { f } = state as { f?: unknown };
    if (f !== print) {
      throw new CatalogueError(
        CatalogueErrorCode.BadCursor,
        'The `after` cursor belongs to a different query, filters or sort; start again without `after`.',
      );
    }
    return state;
  }

  private signature(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 27);
  }
}

function isSortValue(value: unknown): value is SortValue {
  if (value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.length <= MAX_SORT_VALUE_LENGTH;
}
