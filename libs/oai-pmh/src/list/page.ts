import { OaiErrorCode, OaiPmhError, protocolError } from '../errors';
import { RetryBudget } from '../http/retry-budget';
import { toTransportError } from '../http/transport';
import type { OaiItem, OaiWarning, PageEnd, PageStats, ResumptionToken } from '../types';
import { itemIdentifier, type ItemMapper } from './item-mapper';
import { openReader, type RequestContext } from './request-context';
import type { ResponseReader } from './response-reader';

const emptyStats = (): PageStats => ({
  bytes: 0,
  requests: 0,
  retries: 0,
  illegalCharsRemoved: 0,
  invalidBytesReplaced: 0,
  failures: 0,
  items: 0,
});

/**
 * One response of a list. `items()` streams the entries while the response
 * is still arriving; `end()` (valid once items are done) gives the trailer.
 *
 * If the connection fails mid-page, the same request is sent again and the
 * entries already yielded are skipped: by identifier when the entry has one,
 * otherwise by position. So the caller never sees an entry twice.
 */
export class OaiPage<T> {
  private reader?: ResponseReader<T>;
  private readonly stats = emptyStats();
  private readonly budget: RetryBudget;
  private readonly seen = new Set<string>();
  private trailer?: PageEnd;
  private started = false;
  private abandoned = false;

  constructor(
    private readonly ctx: RequestContext,
    readonly params: Readonly<Record<string, string>>,
    private readonly mapper: ItemMapper<T>,
    /** Protocol errors that mean "no entries" for this verb, e.g. noRecordsMatch. */
    private readonly emptyCodes: ReadonlySet<string>,
    /** Warnings already given by earlier pages of the same list (each is given once). */
    private readonly warned = new Set<string>(),
  ) {
    this.budget = new RetryBudget(ctx.options.retry, ctx.options.baseUrl, ctx.options.logger);
  }

  /** Sends the request and reads up to the first entry; throws typed errors. */
  async open(): Promise<void> {
    this.reader = await this.connect();
    const error = this.reader.envelope.error;
    if (error && this.emptyCodes.has(error.code)) {
      this.reader.close();
      this.reader = undefined;
      this.trailer = this.buildEnd(true);
    } else if (error) {
      this.close();
      throw protocolError(this.ctx.options.baseUrl, error.code, error.text);
    }
  }

  /** Entries of this page, streamed; may be iterated once. */
  async *items(): AsyncGenerator<OaiItem<T>, void, undefined> {
    if (this.started) throw new Error('OaiPage.items() can only be iterated once.');
    this.started = true;
    let finished = false;
    try {
      yield* this.stream();
      finished = true;
    } finally {
      if (!finished) {
        this.abandoned = true;
        this.close();
      }
    }
  }

  /** Trailer of the page: token, cursor, completeListSize, responseDate, stats. */
  end(): PageEnd {
    if (this.trailer) return this.trailer;
    throw new Error(
      this.abandoned
        ? 'OaiPage.end() is unknown: items() was left before the end of the page.'
        : 'OaiPage.end() is only available after items() has been read to the end.',
    );
  }

  /** Reads (and drops) whatever the caller did not read, so the list can continue. */
  async finish(): Promise<PageEnd> {
    if (!this.started) for await (const _ of this.items());
    return this.end();
  }

  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }

  private async *stream(): AsyncGenerator<OaiItem<T>, void, undefined> {
    let position = 0;
    let replayUpTo = 0;
    while (this.reader) {
      let item: OaiItem<T> | undefined;
      try {
        item = await this.reader.next();
      } catch (error) {
        await this.retryMidPage(error);
        replayUpTo = this.stats.items;
        position = 0;
        continue;
      }
      if (item === undefined) break;
      position++;
      const id = itemIdentifier(item, this.mapper);
      if (replayUpTo > 0 && (id === undefined ? position <= replayUpTo : this.seen.has(id)))
        continue;
      if (id !== undefined) this.seen.add(id);
      this.stats.items++;
      if (item.kind === 'failure') this.stats.failures++;
      yield item;
    }
    if (this.reader) this.checkComplete(this.reader);
    this.trailer ??= this.buildEnd(false);
    this.reader = undefined;
  }

  private async retryMidPage(error: unknown): Promise<void> {
    this.close();
    const failure = toTransportError(error, this.ctx.options.baseUrl);
    await this.budget.afterFailure(failure);
    this.reader = await this.connect();
    const protocol = this.reader.envelope.error;
    if (protocol) {
      this.close();
      throw protocolError(this.ctx.options.baseUrl, protocol.code, protocol.text);
    }
  }

  private checkComplete(reader: ResponseReader<T>): void {
    if (!reader.sawListElement) {
      throw new OaiPmhError(
        OaiErrorCode.InvalidResponse,
        `Source ${this.ctx.options.baseUrl} answered ${this.params.verb} without a <${this.params.verb}> element or error; report it to the repository.`,
      );
    }
  }

  private connect(): Promise<ResponseReader<T>> {
    return openReader(
      this.ctx,
      { ...this.params },
      this.mapper,
      this.budget,
      this.stats,
      (reader) => {
        this.stats.bytes += reader.bytes;
        this.stats.illegalCharsRemoved += reader.illegalCharsRemoved;
        this.stats.invalidBytesReplaced += reader.invalidBytesReplaced;
        this.latest = reader;
      },
    );
  }

  private latest?: ResponseReader<T>;

  private buildEnd(noRecordsMatch: boolean): PageEnd {
    const envelope = this.latest?.envelope;
    const token = envelope?.token && toResumptionToken(envelope.token);
    this.stats.retries = this.budget.retries;
    return {
      responseDate: toDate(envelope?.responseDate),
      resumptionToken: token,
      lastPage: noRecordsMatch || !token?.value,
      noRecordsMatch,
      stats: this.stats,
      warnings: this.freshWarnings(envelope?.warnings ?? []),
    };
  }

  private freshWarnings(warnings: readonly OaiWarning[]): OaiWarning[] {
    const fresh = warnings.filter((warning) => !this.warned.has(warning.message));
    for (const warning of fresh) {
      this.warned.add(warning.message);
      this.ctx.options.logger.warn?.(warning.message);
    }
    return fresh;
  }
}

function toDate(value: string | undefined): Date | undefined {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function toResumptionToken(raw: {
  value: string;
  cursor?: string;
  completeListSize?: string;
  expirationDate?: string;
}): ResumptionToken {
  const int = (v?: string) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined);
  const expires = toDate(raw.expirationDate);
  return {
    value: raw.value,
    cursor: int(raw.cursor),
    completeListSize: int(raw.completeListSize),
    expirationDate: expires,
  };
}
