import { DomainError } from '@hop-luu/domain-error';
import { SEARCH_TIMEOUT } from '@hop-luu/search-index';

export enum CatalogueErrorCode {
  BadCursor = 'BAD_CURSOR',
  BadQuery = 'BAD_QUERY',
  PageTooLarge = 'PAGE_TOO_LARGE',
  NotFound = 'NOT_FOUND',
  /** Elasticsearch stopped the search at its time limit: too costly as asked, or the cluster is struggling. */
  SearchTooSlow = 'SEARCH_TOO_SLOW',
}

/** A search the catalogue cannot answer as asked; the message says how to ask instead. */
export class CatalogueError extends DomainError<CatalogueErrorCode> {}

/** Throws SEARCH_TOO_SLOW for an answer Elasticsearch cut short at SEARCH_TIMEOUT. */
export function refuseTimedOut(response: { timed_out?: boolean }): void {
  if (response.timed_out) {
    throw new CatalogueError(
      CatalogueErrorCode.SearchTooSlow,
      `The search ran past its ${SEARCH_TIMEOUT} limit and was stopped; use fewer words or prefixes (word*), add filters, or try again in a minute.`,
    );
  }
}
