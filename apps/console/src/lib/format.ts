/** Formatting shared by every page: pure functions, so they are unit-tested without a browser. */

export type Lang = 'vi' | 'en';

/** Every date and time is shown on Vietnam's clock, wherever the browser runs. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Numbers follow the language: 1.234.567 in Vietnamese, 1,234,567 in English. */
export function localeOf(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits }).format(value);
}

/** A share between 0 and 1 as a percentage with one decimal, e.g. "87,5%". */
export function formatShare(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * "04/12/2026 01:30:00" on Vietnam's clock, in both languages (day first, 24-hour clock, as
 * Vietnamese and British readers both expect). Assembled from parts, so every browser's
 * ICU version shows the same thing.
 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const part = Object.fromEntries(CLOCK.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}:${part.second}`;
}

/** A calendar day 'YYYY-MM-DD' (already Vietnam's day, from the server) shown as "04/12". */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}` : day;
}

/** Unit words come from the message catalogue of the language shown. */
export interface DurationUnits {
  hours: string;
  minutes: string;
  seconds: string;
}

/** "1 giờ 5 phút", "4 phút 12 giây", "9 giây": the two largest units that are not zero. */
export function formatDuration(
  seconds: number | null | undefined,
  units: DurationUnits,
  lang: Lang,
): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds) || seconds < 0) return '—';
  const whole = Math.round(seconds);
  const parts: Array<[number, string]> = [
    [Math.floor(whole / 3600), units.hours],
    [Math.floor((whole % 3600) / 60), units.minutes],
    [whole % 60, units.seconds],
  ];
  const first = parts.findIndex(([amount]) => amount > 0);
  if (first === -1) return `0 ${units.seconds}`;
  return parts
    .slice(first, first + 2)
    .filter(([amount]) => amount > 0)
    .map(([amount, unit]) => `${formatNumber(amount, lang)} ${unit}`)
    .join(' ');
}

/** Run ids are UUIDs: lists show their first 8 characters, the run page the whole id. */
export function shortRunId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/** Seconds between two instants; null while the first is unknown. */
export function secondsBetween(
  start: string | null | undefined,
  end: string | null | undefined,
  now: Date = new Date(),
): number | null {
  if (!start) return null;
  const from = new Date(start).getTime();
  const to = end ? new Date(end).getTime() : now.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, (to - from) / 1000);
}

export interface RunProgress {
  status: string;
  recordsSeen: number;
  startedAt?: string | null;
  completeListSize?: number | null;
  recordsPerSecond?: number | null;
  estimatedSecondsLeft?: number | null;
}

/** Records a second: the gateway's figure, else the run's own average since it started. */
export function recordsPerSecondOf(run: RunProgress, now: Date = new Date()): number | null {
  if (run.recordsPerSecond !== null && run.recordsPerSecond !== undefined)
    return run.recordsPerSecond;
  const elapsed = secondsBetween(run.startedAt, null, now);
  if (!elapsed || run.status !== 'running') return null;
  return run.recordsSeen / elapsed;
}

/**
 * Time left of a running run: the gateway's estimate, else what is left of completeListSize
 * at the current rate. Null when the source never said how many records it has (then no
 * honest estimate exists) or nothing is moving yet.
 */
export function secondsLeftOf(run: RunProgress, now: Date = new Date()): number | null {
  if (run.status !== 'running') return null;
  if (run.estimatedSecondsLeft !== null && run.estimatedSecondsLeft !== undefined)
    return run.estimatedSecondsLeft;
  if (!run.completeListSize) return null;
  const rate = recordsPerSecondOf(run, now);
  if (!rate || rate <= 0) return null;
  return Math.max(0, (run.completeListSize - run.recordsSeen) / rate);
}

/** Share of the list done, 0–100, when its size is known. */
export function percentDone(run: RunProgress): number | null {
  if (!run.completeListSize) return null;
  return Math.min(100, Math.round((run.recordsSeen / run.completeListSize) * 100));
}
