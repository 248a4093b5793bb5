export interface HostThrottleOptions {
  /** Minimum pause between the end of one request to a host and the start of the next. */
  minDelayMs?: number;
  /** Extra delay added (and then doubled) after each 429/503 from a host. */
  backoffStepMs?: number;
  /** Upper bound for the per-host delay. */
  maxDelayMs?: number;
}

/** How a finished request should influence the pace for its host. */
export type ThrottleFeedback = 'ok' | 'slowDown' | 'neutral';

export interface HostLease {
  release(feedback?: ThrottleFeedback): void;
}

interface HostState {
  delayMs: number;
  /** Resolves when the previous holder released the host. */
  tail: Promise<void>;
  lastEnd: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Politeness per host: one request at a time, a pause between requests, a
 * longer pause after the host signals overload and a gradual return to the
 * minimum after successes. Share one instance between every client and job
 * that may hit the same host.
 */
export class HostThrottle {
  private readonly hosts = new Map<string, HostState>();
  private readonly minDelayMs: number;
  private readonly backoffStepMs: number;
  private readonly maxDelayMs: number;

  constructor(options: HostThrottleOptions = {}) {
    this.minDelayMs = options.minDelayMs ?? 0;
    this.backoffStepMs = options.backoffStepMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
  }

  /** Current pause for a host, for logging and tests. */
  delayFor(host: string): number {
    return this.hosts.get(host)?.delayMs ?? this.minDelayMs;
  }

  /** Waits for the host to be free and its pause to pass; the lease must be released. */
  async acquire(host: string): Promise<HostLease> {
    const state = this.stateFor(host);
    const previous = state.tail;
    let free!: () => void;
    state.tail = new Promise<void>((resolve) => (free = resolve));
    await previous;
    const wait = state.lastEnd + state.delayMs - Date.now();
    if (wait > 0) await sleep(wait);
    let released = false;
    return {
      release: (feedback: ThrottleFeedback = 'neutral') => {
        if (released) return;
        released = true;
        this.adjust(state, feedback);
        state.lastEnd = Date.now();
        free();
      },
    };
  }

  private stateFor(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { delayMs: this.minDelayMs, tail: Promise.resolve(), lastEnd: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  private adjust(state: HostState, feedback: ThrottleFeedback): void {
    if (feedback === 'slowDown') {
      state.delayMs = Math.min(
        this.maxDelayMs,
        Math.max(state.delayMs * 2, this.minDelayMs + this.backoffStepMs),
      );
    } else if (feedback === 'ok') {
      // Halve the surplus over the minimum so recovery takes a few successes.
      state.delayMs = this.minDelayMs + Math.floor((state.delayMs - this.minDelayMs) / 2);
    }
  }
}
