import { errors } from '@elastic/elasticsearch';

/** Statuses of a node that is there but cannot serve now. */
const BUSY_STATUS = new Set([429, 502, 503, 504]);

/**
 * True when an error means Elasticsearch did not answer in time, could not be reached, or
 * said it cannot serve now: an outage to wait out, not a problem with what was sent.
 */
export function isSearchUnavailable(error: unknown): boolean {
  if (
    error instanceof errors.TimeoutError ||
    error instanceof errors.ConnectionError ||
    error instanceof errors.NoLivingConnectionsError
  )
    return true;
  return error instanceof errors.ResponseError && BUSY_STATUS.has(error.statusCode ?? 0);
}
