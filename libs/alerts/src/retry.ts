export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Pause before the second attempt; doubled before each further one. */
  readonly baseDelayMs: number;
}

/** Runs `attempt` until it resolves or the attempts are spent; rethrows the last failure. */
export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= policy.attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, policy.baseDelayMs * 2 ** (tried - 1)));
    }
  }
}
