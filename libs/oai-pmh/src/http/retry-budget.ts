import { OaiErrorCode, OaiPmhError } from '../errors';
import type { OaiLogger, RetryOptions } from '../options';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff: uniform in [0, min(max, base * 2^attempt)]. */
export function backoffDelay(attempt: number, retry: RetryOptions, random = Math.random): number {
  return Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
}

/**
 * Attempts left for one logical request (one page). Shared by failures before
 * the body (HTTP status) and during it (reset, truncation), so a flaky source
 * cannot multiply the attempt count.
 */
export class RetryBudget {
  private failures = 0;

  constructor(
    private readonly retry: RetryOptions,
    private readonly baseUrl: string,
    private readonly logger: OaiLogger,
  ) {}

  get retries(): number {
    return this.failures;
  }

  /** Waits before the next attempt, or throws when the failure is final. */
  async afterFailure(error: OaiPmhError, retryAfterMs?: number): Promise<void> {
    if (!error.retryable) throw error;
    if (retryAfterMs !== undefined && retryAfterMs > this.retry.retryAfterCapMs) {
      throw retryAfterTooLong(this.baseUrl, error, retryAfterMs, this.retry.retryAfterCapMs);
    }
    this.failures += 1;
    if (this.failures >= this.retry.maxAttempts) {
      throw new OaiPmhError(
        error.code,
        `${error.message} Gave up after ${this.failures} attempts; the source may be down, try again later.`,
        { status: error.status, retryable: true, cause: error },
      );
    }
    const wait = retryAfterMs ?? backoffDelay(this.failures - 1, this.retry);
    this.logger.warn?.(
      `${error.message} Retrying in ${wait} ms (attempt ${this.failures + 1}/${this.retry.maxAttempts}).`,
    );
    await sleep(wait);
  }
}

function retryAfterTooLong(
  baseUrl: string,
  error: OaiPmhError,
  waitMs: number,
  capMs: number,
): OaiPmhError {
  const retryAt = new Date(Date.now() + waitMs);
  return new OaiPmhError(
    OaiErrorCode.RetryAfterTooLong,
    `Source ${baseUrl} answered HTTP ${error.status ?? '?'} with Retry-After of ${Math.round(waitMs / 1000)} s, ` +
      `over the ${Math.round(capMs / 1000)} s cap; try again after ${retryAt.toISOString()}.`,
    { status: error.status, retryAt, retryable: true },
  );
}
