import { OaiErrorCode, OaiPmhError } from '../errors';
import { formatDatestamp, type Granularity } from '../granularity';
import type { ListArgs, ListRequest } from '../types';

function badArgument(message: string): OaiPmhError {
  return new OaiPmhError(OaiErrorCode.BadArgument, message);
}

/** Validates list arguments locally, before any request is sent. */
export function validateListRequest(
  verb: string,
  request: ListRequest,
  needsPrefix: boolean,
): void {
  if ('resumptionToken' in request) {
    const extra = Object.keys(request).filter(
      (k) => k !== 'resumptionToken' && request[k as keyof ListRequest] !== undefined,
    );
    if (extra.length) {
      throw badArgument(
        `${verb}: resumptionToken is exclusive; remove ${extra.join(', ')} (the token already carries them).`,
      );
    }
    if (!request.resumptionToken)
      throw badArgument(`${verb}: resumptionToken is empty; pass a saved non-empty token.`);
    return;
  }
  if (needsPrefix && !request.metadataPrefix) {
    throw badArgument(`${verb} needs a metadataPrefix (e.g. "oai_dc"); see listMetadataFormats().`);
  }
  const { from, until } = request;
  for (const [name, value] of [
    ['from', from],
    ['until', until],
  ] as const) {
    if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
      throw badArgument(`${verb}: ${name} must be a valid Date (UTC).`);
    }
  }
  if (from && until && from.getTime() > until.getTime()) {
    throw badArgument(
      `${verb}: from (${from.toISOString()}) is after until (${until.toISOString()}); swap them.`,
    );
  }
}

/** Query arguments for the first request of a list. */
export function listParams(
  verb: string,
  args: ListArgs,
  granularity: Granularity | undefined,
): Record<string, string> {
  const params: Record<string, string> = { verb, metadataPrefix: args.metadataPrefix };
  if (args.from && granularity) params.from = formatDatestamp(args.from, granularity);
  if (args.until && granularity) params.until = formatDatestamp(args.until, granularity);
  if (args.set) params.set = args.set;
  return params;
}

export function needsGranularity(request: ListRequest): boolean {
  return (
    !('resumptionToken' in request) &&
    (request.from !== undefined || request.until !== undefined) &&
    !request.granularity
  );
}
