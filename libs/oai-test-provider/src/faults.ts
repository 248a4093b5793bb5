import type { LegacyTextMode } from './legacy-text';
/**
 * Faults a test can switch on for a repository. One-shot faults are queued
 * and each consumes one matching request; modes stay on until changed.
 */
export type Fault =
  /** Answer with this status (e.g. 503, 429, 500, 405), optionally with Retry-After. */
  | { type: 'status'; status: number; retryAfter?: number | Date; body?: string }
  /** Close the connection before answering. */
  | { type: 'reset' }
  /** Send the first `afterBytes` bytes (default: half) of the body, then reset the connection. */
  | { type: 'resetMidBody'; afterBytes?: number }
  /** Never answer (until the provider is closed). */
  | { type: 'hang' }
  /** Send the body `bytesPerTick` bytes every `intervalMs`. */
  | { type: 'trickle'; bytesPerTick: number; intervalMs: number }
  /** 200 with an HTML error page. */
  | { type: 'html200' }
  /** 200 with an empty body. */
  | { type: 'emptyBody' }
  /** 200 with the body cut at `fraction` (default 0.6) and the connection closed cleanly. */
  | { type: 'truncate'; fraction?: number }
  /** 200 with well-formed XML that is not OAI-PMH. */
  | { type: 'nonOai' }
  /** Redirect (302 by default) to `location` or to the same URL. */
  | { type: 'redirect'; location?: string; status?: number }
  /** An OAI-PMH `<error>` with any code, e.g. badVerb from a repository lacking a verb. */
  | { type: 'oaiError'; code: string; message?: string }
  /** badResumptionToken error (applies only to requests carrying a token). */
  | { type: 'badResumptionToken' }
  /** A DOCTYPE with an external entity (xxe) or nested entities (billionLaughs). */
  | { type: 'doctype'; kind: 'xxe' | 'billionLaughs' };

export type FaultTarget = 'any' | 'withToken' | 'withoutToken';

export interface QueuedFault {
  fault: Fault;
  remaining: number;
  target: FaultTarget;
}

/** Persistent response modes. */
export interface ResponseModes {
  /**
   * Every record's title (one line, no subtitle) and creator come from the real-looking
   * text of legacy-text.ts: European text that must stay as it is, or Vietnamese text
   * double-encoded or in TCVN3/VNI (see `legacyTextFor` for what each record gets).
   */
  legacyText?: LegacyTextMode;
  encoding?: 'gzip' | 'deflate';
  /** A small gzip body that inflates to `inflatedBytes`: the response up to its first record, then blanks. */
  gzipBomb?: { inflatedBytes: number };
  /** Charset label in Content-Type; null for none. Default "UTF-8". */
  charset?: string | null;
  bom?: boolean;
  /** Put control characters (illegal in XML 1.0) into every title. */
  controlChars?: boolean;
  /** Put invalid UTF-8 bytes into every description (2 replacements each). */
  invalidUtf8?: boolean;
  /** Put characters outside the BMP (Chữ Nôm) into every title. */
  nonBmp?: boolean;
  /** Break the payload of every record whose position on the page % every === at. */
  brokenRecords?: { every: number; at?: number; kind: 'amp' | 'xmlDecl' | 'charRef' };
  /** Every page repeats the token it was asked with. */
  tokenLoop?: boolean;
  /** The last page carries a token that leads to `emptyPages` empty pages (Infinity: never ends). */
  spuriousLastToken?: number;
  /** The list never ends: the last page points back to the start with a fresh token. */
  endless?: boolean;
  /** completeListSize claims this many more records than exist. */
  shortBy?: number;
  /** Answer GET with 405. */
  postOnly?: boolean;
  /** Declare the payload namespaces on <OAI-PMH> instead of on the payload root. */
  hoistNamespaces?: boolean;
  /** Blank lines before the XML declaration. */
  leadingWhitespace?: boolean;
  /** Send every OAI-PMH error response with this HTTP status (InvenioRDM uses 422) instead of 200. */
  errorStatus?: number;
  /** Default namespace of <OAI-PMH>: another URI, or null for none (the spec's is the default). */
  rootNamespace?: string | null;
  /** `cursor` is the page number (0, 1, 2…) instead of the entries before the page, as DSpace XOAI sends. */
  pageCursor?: boolean;
  /** Record datestamps in ISO 8601 basic form (20210311T101500Z); index % 10 === 9 zone-less (20210311T1015). */
  compactDatestamps?: boolean;
  /** ListMetadataFormats also offers `xoai` (DSpace's internal format, not mapped by libs/records), served by the list verbs. */
  unmappedFormat?: boolean;
  /**
   * ListRecords only: the text of the first payload element (oai_dc: `<dc:title>`) of the
   * page's record at `position` (default 0) is followed by `mib` MiB of 'A', streamed in
   * 64 KiB blocks (never built in memory; 300 is fine). Such bodies ignore `encoding`.
   */
  hugeRecord?: { mib: number; position?: number };
  /**
   * `depth` nested `<deep>` elements: `envelope` puts them inside the verb element before
   * the first item; `record` inside the payload of the page's record at `position` (default 0).
   */
  deepNesting?: { depth: number; where: 'envelope' | 'record'; position?: number };
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(
    fault: Fault,
    times = 1,
    target: FaultTarget = fault.type === 'badResumptionToken' ? 'withToken' : 'any',
  ): void {
    this.queue.push({ fault, remaining: times, target });
  }

  clear(): void {
    this.queue = [];
  }

  /** Takes the first fault that applies to a request; undefined when none. */
  take(hasToken: boolean): Fault | undefined {
    const entry = this.queue.find(
      (q) => q.target === 'any' || (q.target === 'withToken') === hasToken,
    );
    if (!entry) return undefined;
    if (--entry.remaining <= 0) this.queue.splice(this.queue.indexOf(entry), 1);
    return entry.fault;
  }
}
