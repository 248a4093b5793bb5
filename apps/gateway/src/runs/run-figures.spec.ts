import { estimatedSecondsLeft, recordsPerSecond } from './run-figures';

const now = new Date('2026-12-03T12:00:00Z');
const running = {
  status: 'running' as const,
  startedAt: new Date(now.getTime() - 40_000),
  finishedAt: null,
  recordsSeen: 400,
  completeListSize: 1000,
  currentSet: null,
};

describe('live run figures', () => {
  it('gives the pace since the start, and the time left at that pace', () => {
    expect(recordsPerSecond(running, now)).toBe(10);
    expect(estimatedSecondsLeft(running, now)).toBe(60);
  });

  it('gives a finished run its pace over its whole duration and no estimate', () => {
    const done = { ...running, status: 'succeeded' as const, finishedAt: now, recordsSeen: 1000 };
    expect(recordsPerSecond(done, new Date(now.getTime() + 3600_000))).toBe(25);
    expect(estimatedSecondsLeft(done, now)).toBeNull();
  });

  it('estimates nothing without a declared size, before a record came, or per set', () => {
    expect(estimatedSecondsLeft({ ...running, completeListSize: null }, now)).toBeNull();
    expect(estimatedSecondsLeft({ ...running, recordsSeen: 0 }, now)).toBeNull();
    expect(estimatedSecondsLeft({ ...running, currentSet: 'lib:nlv' }, now)).toBeNull();
    expect(recordsPerSecond({ ...running, startedAt: null }, now)).toBeNull();
  });

  it('says zero, not a negative time, when a source sends more than it declared', () => {
    expect(estimatedSecondsLeft({ ...running, recordsSeen: 1200 }, now)).toBe(0);
  });
});
