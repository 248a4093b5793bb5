/**
 * Asks `read` every `intervalMs` until it gives `expected` or `timeoutMs` has passed, and returns
 * the last value: for changes that reach another process asynchronously (NOTIFY).
 */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 2000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
