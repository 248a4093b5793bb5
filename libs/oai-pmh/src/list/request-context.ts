import { OaiErrorCode, OaiPmhError } from '../errors';
import type { HostThrottle } from '../host-throttle';
import { parseRetryAfter } from '../http/retry-after';
import type { RetryBudget } from '../http/retry-budget';
import { toTransportError, type OpenResponse, type Transport } from '../http/transport';
import type { ResolvedOptions } from '../options';
import type { ItemMapper } from './item-mapper';
import { ResponseReader } from './response-reader';

/** What every request of one client shares. */
export interface RequestContext {
  options: ResolvedOptions;
  transport: Transport;
  throttle: HostThrottle;
  host: string;
}

/** Per-page counters that survive retries; exposed as PageStats. */
export interface AttemptCounters {
  requests: number;
}

type Attempt<T> = { reader: ResponseReader<T> } | { error: OaiPmhError; retryAfterMs?: number };

/**
 * Opens one OAI request and reads it up to the list element (or the error),
 * retrying transient failures within the page's retry budget.
 */
export async function openReader<T>(
  ctx: RequestContext,
  params: Record<string, string>,
  mapper: ItemMapper<T>,
  budget: RetryBudget,
  counters: AttemptCounters,
  onClosed: (reader: ResponseReader<T>) => void,
): Promise<ResponseReader<T>> {
  for (;;) {
    const attempt = await attemptOnce(ctx, params, mapper, counters, onClosed);
    if ('reader' in attempt) return attempt.reader;
    await budget.afterFailure(attempt.error, attempt.retryAfterMs);
  }
}

async function attemptOnce<T>(
  ctx: RequestContext,
  params: Record<string, string>,
  mapper: ItemMapper<T>,
  counters: AttemptCounters,
  onClosed: (reader: ResponseReader<T>) => void,
): Promise<Attempt<T>> {
  const { options } = ctx;
  const lease = await ctx.throttle.acquire(ctx.host);
  counters.requests++;
  let response: OpenResponse | undefined;
  let reader: ResponseReader<T> | undefined;
  try {
    response = await ctx.transport.open({ url: options.baseUrl, method: options.method, params });
    if (response.status < 200 || response.status > 299) {
      response.close();
      lease.release(response.status === 429 || response.status === 503 ? 'slowDown' : 'neutral');
      return {
        error: httpStatusError(options.baseUrl, response.status),
        retryAfterMs: parseRetryAfter(response.headers['retry-after']),
      };
    }
    const opened = new ResponseReader(response, params.verb, mapper, () => {
      lease.release('ok');
      onClosed(opened);
    });
    reader = opened;
    await reader.prime();
    return { reader };
  } catch (error) {
    if (reader) reader.close();
    else {
      response?.close();
      lease.release('neutral');
    }
    return { error: toTransportError(error, options.baseUrl) };
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

function httpStatusError(url: string, status: number): OaiPmhError {
  const retryable = RETRYABLE_STATUS.has(status) || (status >= 520 && status <= 599);
  const advice = retryable
    ? 'the source is overloaded or failing; retried with backoff, else try again later'
    : status === 405
      ? 'the source rejects this HTTP method; try method: "POST" (or "GET")'
      : 'check the base URL and the request';
  return new OaiPmhError(
    OaiErrorCode.HttpError,
    `Source ${url} answered HTTP ${status}; ${advice}.`,
    {
      status,
      retryable,
    },
  );
}
