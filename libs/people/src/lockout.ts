/** When wrong passwords lock an account, and for how long. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockoutMs: number;
}

/** The lock-out state of one account (a person's row, or an address nobody has). */
export interface SignInAttempts {
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
}

/** Whole seconds until the account may try again; 0 when it is not locked. */
export function secondsLocked(state: SignInAttempts, now: Date): number {
  if (!state.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
}

/**
 * The state after one more wrong password: the `maxFailures`-th in a row locks the account for
 * `lockoutMs` and starts the count again, so after the lock ends it gets a full set of tries.
 */
export function afterFailure(
  state: SignInAttempts,
  policy: LockoutPolicy,
  now: Date,
): SignInAttempts {
  const failed = state.failedSignIns + 1;
  if (failed < policy.maxFailures) return { failedSignIns: failed, lockedUntil: null };
  return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMs) };
}

/** A successful sign-in (or a password set by e-mail link) clears the count and any lock. */
export const CLEAR: SignInAttempts = { failedSignIns: 0, lockedUntil: null };
