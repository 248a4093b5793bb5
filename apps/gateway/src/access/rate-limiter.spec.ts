import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the seconds to wait, then refills', () => {
    const limiter = new RateLimiter(3, 1);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('key-a', t0).allowed)).toEqual([true, true, true]);
    expect(limiter.take('key-a', t0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('key-a', t0 + 1000).allowed).toBe(true);
  });

  it('keeps callers apart', () => {
    const limiter = new RateLimiter(1, 1);
    expect(limiter.take('key-a', 0).allowed).toBe(true);
    expect(limiter.take('key-b', 0).allowed).toBe(true);
    expect(limiter.take('key-a', 0).allowed).toBe(false);
  });
});

describe('RateLimiter.refund', () => {
  it('gives back a token, never above the burst', () => {
    const limiter = new RateLimiter(2, 1 / 60);
    expect(limiter.take('ip:a', 0).allowed).toBe(true);
    expect(limiter.take('ip:a', 0).allowed).toBe(true);
    limiter.refund('ip:a', 0);
    expect(limiter.take('ip:a', 0).allowed).toBe(true);
    expect(limiter.take('ip:a', 0)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    limiter.refund('ip:b', 0);
    expect([1, 2, 3].map(() => limiter.take('ip:b', 0).allowed)).toEqual([true, true, false]);
  });
});
