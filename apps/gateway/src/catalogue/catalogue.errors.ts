import { DomainError } from '@hop-luu/domain-error';

export enum CatalogueErrorCode {
  BadCursor = 'BAD_CURSOR',
  BadQuery = 'BAD_QUERY',
  PageTooLarge = 'PAGE_TOO_LARGE',
  TooDeep = 'PAGE_TOO_DEEP',
  NotFound = 'NOT_FOUND',
  /** Elasticsearch stopped the search at its time limit: too costly as asked, or the cluster is struggling. */
  SearchTooSlow = 'SEARCH_TOO_SLOW',
}

/** A search the catalogue cannot answer as asked; the message says how to ask instead. */
export class CatalogueError extends DomainError<CatalogueErrorCode> {}
