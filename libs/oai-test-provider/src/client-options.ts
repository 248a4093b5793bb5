/**
 * Client options for tests against the local provider: loopback allowed,
 * tiny backoff delays so fault tests stay fast. Plain data, so this folder
 * does not depend on the client library.
 */
export function testClientOptions(baseUrl: string) {
  return {
    baseUrl,
    userAgent: 'HopLuu-test/1.0 (+mailto:test@hopluu.example.vn)',
    allowPrivateAddresses: true,
    timeoutMs: 5000,
    idleTimeoutMs: 2000,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, retryAfterCapMs: 5000 },
    maxEmptyPages: 3,
    badTokenRetries: 2,
  };
}
