import {
  formatDateTime,
  formatDay,
  formatDuration,
  formatNumber,
  formatShare,
  percentDone,
  recordsPerSecondOf,
  secondsBetween,
  secondsLeftOf,
  shortRunId,
} from './format';

const UNITS_VI = { hours: 'giờ', minutes: 'phút', seconds: 'giây' };
// Intl separates with narrow or ordinary no-break spaces depending on the ICU version.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers', () => {
  it('are grouped the Vietnamese way in Vietnamese and the English way in English', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(0, 'vi')).toBe('0');
    expect(formatNumber(12.345, 'vi', 1)).toBe('12,3');
  });

  it('show a dash for a figure the server does not know', () => {
    expect(formatNumber(null, 'vi')).toBe('—');
    expect(formatShare(undefined, 'vi')).toBe('—');
  });

  it('show shares as percentages', () => {
    expect(spaces(formatShare(0.875, 'vi'))).toMatch(/^87,5 ?%$/);
    expect(formatShare(0.875, 'en')).toBe('87.5%');
  });
});

describe('dates', () => {
  it("are shown on Vietnam's clock (UTC+7) wherever the browser is", () => {
    // 18:30 UTC is 01:30 the next day in Hà Nội.
    expect(formatDateTime('2026-12-03T18:30:00Z')).toBe('04/12/2026 01:30:00');
    expect(formatDateTime(new Date('2026-06-30T17:00:00Z'))).toBe('01/07/2026 00:00:00');
  });

  it('show a dash for no date or a broken one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('keep the calendar day the server computed (already Vietnamese days)', () => {
    expect(formatDay('2026-12-04')).toBe('04/12');
  });
});

describe('durations', () => {
  it('name the two largest units in words of the language', () => {
    expect(formatDuration(3725, UNITS_VI, 'vi')).toBe('1 giờ 2 phút');
    expect(formatDuration(252, UNITS_VI, 'vi')).toBe('4 phút 12 giây');
    expect(formatDuration(9, UNITS_VI, 'vi')).toBe('9 giây');
    expect(formatDuration(3600, UNITS_VI, 'vi')).toBe('1 giờ');
    expect(formatDuration(0, UNITS_VI, 'vi')).toBe('0 giây');
    expect(formatDuration(null, UNITS_VI, 'vi')).toBe('—');
  });

  it('measure a running run up to now', () => {
    const now = new Date('2026-12-03T10:01:00Z');
    expect(secondsBetween('2026-12-03T10:00:00Z', null, now)).toBe(60);
    expect(secondsBetween('2026-12-03T10:00:00Z', '2026-12-03T10:00:30Z', now)).toBe(30);
    expect(secondsBetween(null, null, now)).toBeNull();
  });
});

describe('time left of a run', () => {
  const now = new Date('2026-12-03T10:01:40Z');
  const running = {
    status: 'running',
    recordsSeen: 500,
    startedAt: '2026-12-03T10:00:00Z',
    completeListSize: 1500,
  };

  it("uses the gateway's own estimate when it sends one", () => {
    expect(secondsLeftOf({ ...running, estimatedSecondsLeft: 42 }, now)).toBe(42);
  });

  it('otherwise divides what is left of completeListSize by the rate so far', () => {
    // 500 records in 100 s = 5/s; 1,000 left = 200 s.
    expect(recordsPerSecondOf(running, now)).toBe(5);
    expect(secondsLeftOf(running, now)).toBe(200);
    expect(percentDone(running)).toBe(33);
  });

  it('gives no estimate when the source never said how many records it has', () => {
    expect(secondsLeftOf({ ...running, completeListSize: null }, now)).toBeNull();
    expect(percentDone({ ...running, completeListSize: null })).toBeNull();
  });

  it('gives none for a run that is not running, or has not moved yet', () => {
    expect(secondsLeftOf({ ...running, status: 'queued' }, now)).toBeNull();
    expect(secondsLeftOf({ ...running, recordsSeen: 0 }, now)).toBeNull();
  });
});

describe('run ids in lists', () => {
  it('show the first 8 characters of a UUID and short ids whole', () => {
    expect(shortRunId('e3085f0f-325e-41a2-8c9c-3d9ec9438856')).toBe('e3085f0f');
    expect(shortRunId('42')).toBe('42');
  });
});
