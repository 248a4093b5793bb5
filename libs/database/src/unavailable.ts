/** Node's codes for a server that cannot be reached or dropped the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** SQLSTATEs of a server going away: admin/crash shutdown, cannot connect now, too many connections. */
const SERVER_GONE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** pg and pg-pool say these in plain messages, with no code. */
const LOST_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i];

/**
 * True when an error means PostgreSQL could not be reached or dropped the connection (an
 * outage to wait out), not that a statement was wrong. Looks through TypeORM's
 * QueryFailedError (its driverError) too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 3; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_GONE_STATES.has(code)))
      return true;
    if (typeof code === 'string' && code.startsWith('08')) return true; // connection exception class
    const message = cause.message;
    if (LOST_MESSAGES.some((pattern) => pattern.test(message))) return true;
    cause = (cause as { driverError?: unknown }).driverError ?? cause.cause;
  }
  return false;
}
