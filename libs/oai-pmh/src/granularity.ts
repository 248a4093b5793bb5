/** The two datestamp granularities OAI-PMH 2.0 allows; all values are UTC. */
export type Granularity = 'YYYY-MM-DD' | 'YYYY-MM-DDThh:mm:ssZ';

export const DAY_GRANULARITY: Granularity = 'YYYY-MM-DD';
export const SECONDS_GRANULARITY: Granularity = 'YYYY-MM-DDThh:mm:ssZ';

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

export function isGranularity(value: string): value is Granularity {
  return value === DAY_GRANULARITY || value === SECONDS_GRANULARITY;
}

/** Formats a Date as an OAI-PMH UTC datestamp, truncating to the granularity. */
export function formatDatestamp(date: Date, granularity: Granularity): string {
  const iso = date.toISOString();
  return granularity === DAY_GRANULARITY ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

/** ISO 8601 basic forms some repositories send instead: 20210311, 20210311T101500Z. */
const COMPACT_DAY_RE = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_SECONDS_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/;

/**
 * Parses a datestamp into a UTC Date: either OAI-PMH form, or the same instant in ISO 8601
 * basic form (no hyphens or colons), which is just as unambiguous. Returns undefined for
 * anything else, because repositories do send junk and callers decide how to react.
 */
export function parseDatestamp(value: string): Date | undefined {
  const text = value.trim();
  const m =
    DAY_RE.exec(text) ??
    SECONDS_RE.exec(text) ??
    COMPACT_DAY_RE.exec(text) ??
    COMPACT_SECONDS_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  if (+h > 23 || +mi > 59 || +s > 59) return undefined;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const date = new Date(ms);
  // Date.UTC silently rolls 2026-02-31 over to March; reject such values.
  return date.getUTCDate() === +d && date.getUTCMonth() === +mo - 1 ? date : undefined;
}

/**
 * Why a record's datestamp could not be read, for a warning on the record; undefined when
 * it parses. A value without a time zone or with missing parts is not guessed at.
 */
export function datestampProblem(value: string): string | undefined {
  if (parseDatestamp(value)) return undefined;
  return (
    `'${value.trim().slice(0, 40)}' is not a datestamp that can be read unambiguously ` +
    '(OAI-PMH wants YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ in UTC); kept as sent, not parsed'
  );
}

/** The granularity a datestamp string is written in, if it is a valid one. */
export function granularityOf(value: string): Granularity | undefined {
  const text = value.trim();
  if (DAY_RE.test(text)) return DAY_GRANULARITY;
  if (SECONDS_RE.test(text)) return SECONDS_GRANULARITY;
  return undefined;
}

/** Truncates a Date to the start of its granule (day or second), UTC. */
export function truncateToGranularity(date: Date, granularity: Granularity): Date {
  const unit = granularity === DAY_GRANULARITY ? DAY_MS : 1000;
  return new Date(Math.floor(date.getTime() / unit) * unit);
}

/**
 * The `from` for the next incremental harvest: the responseDate of this run's
 * first response minus one granule. Records stamped during the run's first
 * granule are fetched again (harmless overlap) rather than risk a gap from
 * clock skew or records committed while the run was going.
 */
export function nextFrom(responseDateOfRunStart: Date, granularity: Granularity): Date {
  const unit = granularity === DAY_GRANULARITY ? DAY_MS : 1000;
  const start = truncateToGranularity(responseDateOfRunStart, granularity);
  return new Date(start.getTime() - unit);
}
