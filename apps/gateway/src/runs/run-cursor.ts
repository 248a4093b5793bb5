import { HarvestRun } from '@hop-luu/harvest-runs';
import { CatalogueError, CatalogueErrorCode } from '../catalogue/catalogue.errors';
import { CursorCodec } from '../catalogue/cursor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function isRunId(value: string): boolean {
  return UUID.test(value);
}

/** Where the next page of runs starts: after this run, newest first. */
export interface RunPosition {
  readonly queuedAt: Date;
  readonly id: string;
}

export function encodeRunCursor(codec: CursorCodec, run: HarvestRun): string {
  return codec.seal({ q: run.queuedAt.toISOString(), i: run.id });
}

/** The position in a cursor this API gave out; BAD_CURSOR if altered or ill-formed. */
export function decodeRunCursor(codec: CursorCodec, cursor: string): RunPosition {
  const state = codec.open(cursor) as { q?: unknown; i?: unknown } | null;
  const queuedAt =
    typeof state?.q === 'string' && ISO_INSTANT.test(state.q) ? new Date(state.q) : undefined;
  if (
    !queuedAt ||
    Number.isNaN(queuedAt.getTime()) ||
    typeof state?.i !== 'string' ||
    !isRunId(state.i)
  ) {
    throw new CatalogueError(
      CatalogueErrorCode.BadCursor,
      'The `after` cursor is not one this API gave out; pass endCursor unchanged.',
    );
  }
  return { queuedAt, id: state.i };
}
