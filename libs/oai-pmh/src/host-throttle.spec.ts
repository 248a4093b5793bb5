import { HostThrottle } from './host-throttle';

describe('HostThrottle', () => {
  it('runs one request at a time per host, other hosts in parallel', async () => {
    const throttle = new HostThrottle();
    const log: string[] = [];
    const job = async (host: string, name: string) => {
      const lease = await throttle.acquire(host);
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push(`end ${name}`);
      lease.release('ok');
    };
    await Promise.all([job('a', 'a1'), job('a', 'a2'), job('b', 'b1')]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps the minimum delay and backs off on overload, recovering after successes', async () => {
    const throttle = new HostThrottle({ minDelayMs: 30, backoffStepMs: 100, maxDelayMs: 250 });
    (await throttle.acquire('h')).release('ok');
    const started = Date.now();
    (await throttle.acquire('h')).release('slowDown');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(throttle.delayFor('h')).toBe(130);
    (await throttle.acquire('h')).release('slowDown');
    (await throttle.acquire('h')).release('slowDown');
    expect(throttle.delayFor('h')).toBe(250);
    (await throttle.acquire('h')).release('ok');
    expect(throttle.delayFor('h')).toBe(140);
  });
});
