import type { AddressPolicy } from './net/address-policy';
import type { Granularity } from './granularity';
import type { HostThrottle } from './host-throttle';

export interface OaiLogger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

export interface RetryOptions {
  /** Attempts per request, including the first one. */
  maxAttempts: number;
  /** Base of the exponential backoff (full jitter: random in [0, base * 2^n]). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this fails fast with RETRY_AFTER_TOO_LONG. */
  retryAfterCapMs: number;
}

export interface OaiPmhClientOptions {
  baseUrl: string;
  /** Names the project and a contact address, e.g. "HopLuu-harvester/1.0 (+mailto:ops@example.vn)". */
  userAgent: string;
  /** Total time spent waiting on the network per request (headers + body). */
  timeoutMs?: number;
  /** Longest silence allowed while waiting for the next bytes. */
  idleTimeoutMs?: number;
  /** Limit on decompressed bytes per response. */
  maxResponseBytes?: number;
  /**
   * Limit on one list item's XML, in characters of decoded text (≈ bytes for Latin
   * scripts). A longer record becomes a RECORD_TOO_LARGE failure and the page goes on.
   */
  maxRecordChars?: number;
  /**
   * Deepest element nesting accepted, counted from the response's root and, separately,
   * from each record's root. Deeper is XML_TOO_DEEP (real records nest a dozen levels).
   */
  maxXmlDepth?: number;
  retry?: Partial<RetryOptions>;
  maxRedirects?: number;
  method?: 'GET' | 'POST';
  /** Consecutive empty pages (with a token) tolerated before TOO_MANY_EMPTY_PAGES. */
  maxEmptyPages?: number;
  /** Pages per list before PAGE_CAP_REACHED. */
  maxPages?: number;
  /** Extra attempts with the same token after badResumptionToken mid-list. */
  badTokenRetries?: number;
  allowPrivateAddresses?: boolean;
  /** Overrides allowPrivateAddresses with a custom decision per resolved address. */
  addressPolicy?: AddressPolicy;
  hostThrottle?: HostThrottle;
  /** Repository granularity if known; otherwise learned with Identify when first needed. */
  granularity?: Granularity;
  logger?: OaiLogger;
}

export interface ResolvedOptions {
  baseUrl: string;
  userAgent: string;
  timeoutMs: number;
  idleTimeoutMs: number;
  maxResponseBytes: number;
  maxRecordChars: number;
  maxXmlDepth: number;
  retry: RetryOptions;
  maxRedirects: number;
  method: 'GET' | 'POST';
  maxEmptyPages: number;
  maxPages: number;
  badTokenRetries: number;
  addressPolicy?: AddressPolicy;
  allowPrivateAddresses: boolean;
  logger: OaiLogger;
}

/** One record of a few kB is normal; 16 Mi characters is far beyond any real one. */
export const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** MARCXML and MODS nest under ten levels; thousands is an attack on the parser. */
export const DEFAULT_MAX_XML_DEPTH = 256;

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  retryAfterCapMs: 600_000,
};

export function resolveOptions(options: OaiPmhClientOptions): ResolvedOptions {
  if (!options.userAgent?.trim()) {
    throw new TypeError('OaiPmhClient needs a userAgent naming the project and a contact address.');
  }
  const url = new URL(options.baseUrl); // throws a clear TypeError on a bad URL
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`OaiPmhClient baseUrl must be http(s), got ${options.baseUrl}`);
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  return {
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    timeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? Math.min(timeoutMs, 30_000),
    maxResponseBytes: options.maxResponseBytes ?? 256 * 1024 * 1024,
    maxRecordChars: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
    maxXmlDepth: options.maxXmlDepth ?? DEFAULT_MAX_XML_DEPTH,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    maxRedirects: options.maxRedirects ?? 5,
    method: options.method ?? 'GET',
    maxEmptyPages: options.maxEmptyPages ?? 3,
    maxPages: options.maxPages ?? 100_000,
    badTokenRetries: options.badTokenRetries ?? 2,
    addressPolicy: options.addressPolicy,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    logger: options.logger ?? {},
  };
}
