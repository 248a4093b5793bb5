import { Renewal } from './cache-ages';

describe('Renewal', () => {
  it('lets exactly one caller renew once the entry is due', () => {
    const renewal = new Renewal(1_000);
    expect(renewal.claim(999)).toBe(false);
    expect(renewal.claim(1_000)).toBe(true);
    expect(renewal.claim(1_001)).toBe(false);
  });

  it('lets another caller try a second after a renewal nobody reported on', () => {
    const renewal = new Renewal(0);
    expect(renewal.claim(10)).toBe(true);
    expect(renewal.claim(1_009)).toBe(false);
    expect(renewal.claim(1_010)).toBe(true);
  });

  it('holds a claim until the renewal fails when failures are reported, then retries a second later', () => {
    const renewal = new Renewal(0, Infinity);
    expect(renewal.claim(0)).toBe(true);
    expect(renewal.claim(60_000)).toBe(false);
    renewal.failed(60_000);
    expect(renewal.claim(60_999)).toBe(false);
    expect(renewal.claim(61_000)).toBe(true);
  });
});
