import { OaiErrorCode, OaiPmhError } from '../errors';
import { backoffDelay, sleep } from '../http/retry-budget';
import type { PageEnd } from '../types';
import type { ItemMapper } from './item-mapper';
import { OaiPage } from './page';
import type { RequestContext } from './request-context';

export interface ListPlan<T> {
  verb: string;
  /** Arguments of the first request (either the selective ones or a resumptionToken). */
  firstParams: Record<string, string>;
  mapper: ItemMapper<T>;
  emptyCodes: ReadonlySet<string>;
}

/** Progress of one list, to detect loops, endless lists and short lists. */
class ListProgress {
  private readonly tokens = new Set<string>();
  private emptyStreak = 0;
  private delivered = 0;
  private readonly cursors = new CursorEvidence();
  private completeListSize?: number;
  pages = 0;
  /** Warnings given so far in this list, so each reaches the caller once. */
  readonly warned = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly maxEmptyPages: number,
    private readonly startToken?: string,
  ) {
    if (startToken) this.tokens.add(startToken);
  }

  /** Returns the token for the next request, or undefined when the list is done. */
  afterPage(end: PageEnd): string | undefined {
    const token = end.resumptionToken;
    this.cursors.add(token?.cursor, end.stats.items);
    this.delivered += end.stats.items;
    if (token?.completeListSize !== undefined) this.completeListSize = token.completeListSize;
    if (end.lastPage || !token?.value) {
      this.checkComplete();
      return undefined;
    }
    this.emptyStreak = end.stats.items === 0 ? this.emptyStreak + 1 : 0;
    if (this.emptyStreak >= this.maxEmptyPages) {
      throw new OaiPmhError(
        OaiErrorCode.TooManyEmptyPages,
        `Source ${this.source} sent ${this.emptyStreak} empty pages in a row that still carried a resumptionToken; ` +
          'stopped to avoid an endless list. The records before were complete; report the spurious token to the repository.',
        { resumptionToken: token.value },
      );
    }
    if (this.tokens.has(token.value)) {
      throw new OaiPmhError(
        OaiErrorCode.TokenLoop,
        `Source ${this.source} returned resumptionToken "${token.value}" a second time (a loop); stopped. ` +
          'Report it to the repository; harvest with from= to resume past the records received.',
        { resumptionToken: token.value },
      );
    }
    this.tokens.add(token.value);
    return token.value;
  }

  /**
   * A list that ends with fewer entries than completeListSize lost some on the way. A list
   * started fresh is judged by the entries received; a resumed one also needs the entries
   * before its token, which only the cursor tells, so it is judged only when the cursors
   * proved to be record offsets (some servers count pages instead).
   */
  private checkComplete(): void {
    const expected = this.completeListSize;
    if (expected === undefined) return;
    const before = this.startToken === undefined ? 0 : this.cursors.recordsBefore();
    if (before === undefined) return;
    const received = before + this.delivered;
    if (received < expected) {
      throw new OaiPmhError(
        OaiErrorCode.IncompleteList,
        `Source ${this.source} ended the list after ${received} entries but declared completeListSize=${expected}; ` +
          'all entries received were delivered, but some are missing: harvest again (e.g. with from=) later.',
        { expectedCount: expected, receivedCount: received },
      );
    }
  }
}

/**
 * What the cursors of a list show. OAI-PMH defines `cursor` as the number of entries sent
 * before the page; DSpace (XOAI) sends the page number. Cursors are trusted as offsets only
 * when each step between two pages equals the entries of the page between them.
 */
class CursorEvidence {
  private first?: number;
  private previous?: { cursor: number; items: number };
  private steps = 0;
  private contradicted = false;
  private pages = 0;

  add(cursor: number | undefined, items: number): void {
    if (this.pages++ === 0) this.first = cursor;
    if (cursor === undefined) return;
    if (this.previous) {
      if (cursor - this.previous.cursor === this.previous.items) this.steps++;
      else this.contradicted = true;
    }
    this.previous = { cursor, items };
  }

  /** Entries before the first page, when the cursors proved to be record offsets. */
  recordsBefore(): number | undefined {
    const proven = this.steps > 0 && !this.contradicted;
    return proven ? this.first : undefined;
  }
}

/**
 * Pages of a list verb, following resumption tokens. Guards: token loops,
 * runs of empty pages, a page cap, badResumptionToken retries, and a final
 * check against completeListSize (INCOMPLETE_LIST is thrown after the last
 * page has been delivered, so no entry is lost).
 */
export async function* listPages<T>(
  ctx: RequestContext,
  plan: ListPlan<T>,
): AsyncGenerator<OaiPage<T>, void, undefined> {
  const { options } = ctx;
  const resumed = plan.firstParams.resumptionToken;
  const progress = new ListProgress(options.baseUrl, options.maxEmptyPages, resumed);
  let params = plan.firstParams;
  for (;;) {
    if (progress.pages >= options.maxPages) {
      throw new OaiPmhError(
        OaiErrorCode.PageCapReached,
        `Stopped ${plan.verb} on ${options.baseUrl} after ${options.maxPages} pages (maxPages); ` +
          'resume later from the resumptionToken on this error, or raise maxPages.',
        { resumptionToken: params.resumptionToken },
      );
    }
    const isResume = progress.pages === 0 && resumed !== undefined;
    const page = await openPage(ctx, plan, params, isResume, progress.warned);
    progress.pages++;
    try {
      yield page;
      const next = progress.afterPage(await page.finish());
      if (next === undefined) return;
      params = { verb: plan.verb, resumptionToken: next };
    } finally {
      page.close();
    }
  }
}

/** Opens a page; retries badResumptionToken a few times since some servers lose tokens transiently. */
async function openPage<T>(
  ctx: RequestContext,
  plan: ListPlan<T>,
  params: Record<string, string>,
  isResume: boolean,
  warned: Set<string>,
): Promise<OaiPage<T>> {
  const { options } = ctx;
  for (let attempt = 0; ; attempt++) {
    const page = new OaiPage(ctx, params, plan.mapper, plan.emptyCodes, warned);
    try {
      await page.open();
      return page;
    } catch (error) {
      const badToken =
        error instanceof OaiPmhError && error.code === OaiErrorCode.BadResumptionToken;
      if (!badToken || !params.resumptionToken) throw error;
      if (attempt < options.badTokenRetries) {
        await sleep(backoffDelay(attempt, options.retry));
        continue;
      }
      throw isResume ? resumeRejected(options.baseUrl, params.resumptionToken, error) : error;
    }
  }
}

function resumeRejected(source: string, token: string, cause: OaiPmhError): OaiPmhError {
  return new OaiPmhError(
    OaiErrorCode.ResumeTokenRejected,
    `Source ${source} rejected the saved resumptionToken "${token}" (expired or invalid: ${cause.message}); ` +
      'restart the list with the original arguments, using from= the last datestamp received to limit overlap.',
    { resumptionToken: token, cause },
  );
}
