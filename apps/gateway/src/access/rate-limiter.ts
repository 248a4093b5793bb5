export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Token bucket per caller (API key, or client address for anonymous callers): `capacity`
 * requests at once, refilled at `perSecond`. In memory, so per gateway replica.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {}

  /** Takes one token; returns the seconds to wait when there is none. */
  take(caller: string, now = Date.now()): Verdict {
    const bucket = this.refilled(caller, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    if (this.buckets.size > 100_000) this.buckets.clear();
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.perSecond) };
  }

  /** Gives back a token taken for an attempt that turned out not to count (a valid key). */
  refund(caller: string, now = Date.now()): void {
    const bucket = this.refilled(caller, now);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + 1);
  }

  private refilled(caller: string, now: number): { tokens: number; at: number } {
    const bucket = this.buckets.get(caller) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    );
    bucket.at = now;
    this.buckets.set(caller, bucket);
    return bucket;
  }
}
