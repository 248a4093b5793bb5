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
  private firstCursor?: number;
  private completeListSize?: number;
  pages = 0;
  /** Warnings given so far in this list, so each reaches the caller once. */
  readonly warned = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly maxEmptyPages: number,
    startToken?: string,
  ) {
    if (startToken) this.tokens.add(startToken);
  }

  /** Returns the token for the next request, or undefined when the list is done. */
  afterPage(end: PageEnd): string | undefined {
    const token = end.resumptionToken;
    this.delivered += end.stats.items;
    if (this.pages === 1) this.firstCursor = token?.cursor;
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

  /** A list that ends with fewer entries than completeListSize lost some on the way. */
  private checkComplete(): void {
    const expected = this.completeListSize;
    const received = (this.firstCursor ?? 0) + this.delivered;
    if (expected !== undefined && received < expected) {
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
