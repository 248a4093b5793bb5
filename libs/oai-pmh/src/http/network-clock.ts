import { OaiErrorCode, OaiPmhError } from '../errors';

/**
 * Time budget for one request, spent only while waiting on the network. A
 * slow consumer (the caller processing records) does not use it up, but a
 * server trickling a byte per second does: every wait is bounded by the idle
 * timeout and all waits together by the total timeout.
 */
export class NetworkClock {
  private spentMs = 0;

  constructor(
    private readonly url: string,
    private readonly totalMs: number,
    private readonly idleMs: number,
  ) {}

  /** Resolves with the promise, or rejects with TIMEOUT (after calling onTimeout). */
  async wait<T>(promise: Promise<T>, onTimeout: () => void): Promise<T> {
    const remaining = this.totalMs - this.spentMs;
    const limit = Math.max(0, Math.min(this.idleMs, remaining));
    const idle = limit === this.idleMs && remaining > this.idleMs;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(this.timeoutError(idle));
      }, limit);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
      this.spentMs += Date.now() - started;
    }
  }

  private timeoutError(idle: boolean): OaiPmhError {
    const what = idle
      ? `sent nothing for ${this.idleMs} ms`
      : `did not finish within the ${this.totalMs} ms total timeout (slow or trickling response)`;
    return new OaiPmhError(
      OaiErrorCode.Timeout,
      `Source ${this.url} ${what}; it may be overloaded, retry later or raise timeoutMs/idleTimeoutMs.`,
      { retryable: true },
    );
  }
}
