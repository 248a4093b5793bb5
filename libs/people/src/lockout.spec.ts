import { afterFailure, CLEAR, secondsLocked, SignInAttempts } from './lockout';

const policy = { maxFailures: 3, lockoutMs: 15 * 60_000 };
const now = new Date('2026-12-03T08:00:00Z');

describe('lock-out rule', () => {
  it('locks on the last allowed failure in a row, for the configured time', () => {
    let state: SignInAttempts = CLEAR;
    state = afterFailure(state, policy, now);
    state = afterFailure(state, policy, now);
    expect(secondsLocked(state, now)).toBe(0);
    state = afterFailure(state, policy, now);
    expect(secondsLocked(state, now)).toBe(15 * 60);
    expect(secondsLocked(state, new Date(now.getTime() + 14 * 60_000 + 1))).toBe(60);
  });

  it('ends by itself, and then gives a full set of tries again', () => {
    const locked = afterFailure({ failedSignIns: 2, lockedUntil: null }, policy, now);
    const later = new Date(now.getTime() + policy.lockoutMs);
    expect(secondsLocked(locked, later)).toBe(0);
    const again = afterFailure(locked, policy, later);
    expect(again).toEqual({ failedSignIns: 1, lockedUntil: null });
  });
});
