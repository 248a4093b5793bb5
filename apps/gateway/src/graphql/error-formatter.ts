import { Logger } from '@nestjs/common';
import { errors as elasticsearchErrors } from '@elastic/elasticsearch';
import { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@hop-luu/domain-error';
import { DOMAIN_ERRORS, DomainCode, isRequestErrorCode } from './api-errors';

const logger = new Logger('GraphQLErrors');

/** Elasticsearch answers with these while it is overloaded, restarting or behind a failing proxy. */
const OVERLOADED_STATUSES = new Set([429, 502, 503, 504]);

/** True when Elasticsearch could not be asked or did not answer: an outage, not a bug. */
function searchUnavailable(error: unknown): boolean {
  if (error instanceof elasticsearchErrors.ResponseError)
    return OVERLOADED_STATUSES.has(error.statusCode ?? 0);
  return (
    error instanceof elasticsearchErrors.ConnectionError ||
    error instanceof elasticsearchErrors.TimeoutError ||
    error instanceof elasticsearchErrors.NoLivingConnectionsError
  );
}

/**
 * Every error leaves as `{ message, code }` a developer can act on: domain errors keep their
 * message with a stable code; an Elasticsearch outage is SEARCH_UNAVAILABLE; anything else
 * unexpected is logged and answered as INTERNAL_SERVER_ERROR with no stack trace or internals.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: DOMAIN_ERRORS[original.code as DomainCode]?.code ?? original.code },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (isRequestErrorCode(code)) return { ...base, extensions: { code } };
  const where = formatted.path?.join('.') ?? '(request)';
  if (original instanceof elasticsearchErrors.RequestAbortedError) {
    // Nobody reads this answer: the search was stopped because its client went away.
    logger.log(`search stopped at ${where}: client gone`);
    return {
      ...base,
      message: 'The search was stopped because the client went away.',
      extensions: { code: 'REQUEST_ABANDONED' },
    };
  }
  if (searchUnavailable(original)) {
    logger.warn(`Elasticsearch not answering at ${where}: ${(original as Error).message}`);
    return {
      ...base,
      message:
        'The catalogue search is not answering right now (its Elasticsearch is unreachable or overloaded); try again in a minute. Sources and harvest runs can still be read.',
      extensions: { code: 'SEARCH_UNAVAILABLE' },
    };
  }
  logger.error(
    `unexpected error at ${where}: ${original instanceof Error ? original.stack : String(original)}`,
  );
  return {
    ...base,
    message: 'Something went wrong on our side; it has been logged. Try again later.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
