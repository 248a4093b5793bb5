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
    const { status } = response;
    const ok = status >= 200 && status <= 299;
    const opened = new ResponseReader(response, params.verb, mapper, options, () => {
      lease.release(ok ? 'ok' : status === 429 || status === 503 ? 'slowDown' : 'neutral');
      onClosed(opened);
    });
    reader = opened;
    if (ok) {
      await reader.prime();
      return { reader };
    }
    return await readErrorBody(reader, httpStatusError(options.baseUrl, status), response);
  } catch (error) {
    if (reader) reader.close();
    else {
      response?.close();
      lease.release('neutral');
    }
    return { error: toTransportError(error, options.baseUrl) };
  }
}

/**
 * Some repositories (InvenioRDM) send OAI-PMH errors such as noRecordsMatch or
 * badResumptionToken with HTTP 4xx/5xx. When the body is an OAI-PMH document
 * with an `<error>`, that error is the answer; any other body (an HTML error
 * page, junk, a body that breaks off) keeps the HTTP status as the failure.
 */
async function readErrorBody<T>(
  reader: ResponseReader<T>,
  statusError: OaiPmhError,
  response: OpenResponse,
): Promise<Attempt<T>> {
  const failure = {
    error: statusError,
    retryAfterMs: parseRetryAfter(response.headers['retry-after']),
  };
  try {
    await reader.prime();
  } catch {
    reader.close();
    return failure;
  }
  if (reader.envelope.error) return { reader };
  reader.close();
  return failure;
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
