import { isStale, scheduleIntervalMs } from './staleness';

const HOUR = 3_600_000;

describe('staleness', () => {
  it('measures a schedule by its longest gap', () => {
    expect(scheduleIntervalMs('0 2 * * *')).toBe(24 * HOUR);
    expect(scheduleIntervalMs('*/15 * * * *')).toBe(HOUR / 4);
    expect(scheduleIntervalMs('0 2 * * 1-5')).toBe(72 * HOUR);
    expect(scheduleIntervalMs('not cron')).toBeNull();
  });

  it('calls a daily source stale after two days without a successful harvest', () => {
    const source = { schedule: '0 2 * * *', createdAt: new Date('2026-12-01T00:00:00Z') };
    const lastSuccess = new Date('2026-12-01T02:10:00Z');
    expect(isStale(source, lastSuccess, new Date('2026-12-03T02:00:00Z'))).toBe(false);
    expect(isStale(source, lastSuccess, new Date('2026-12-03T02:20:00Z'))).toBe(true);
    expect(isStale(source, null, new Date('2026-12-03T00:20:00Z'))).toBe(true);
    expect(isStale({ ...source, schedule: null }, null, new Date('2030-01-01'))).toBe(false);
  });
});
