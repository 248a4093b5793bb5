import { AccessErrorCode } from '@hop-luu/access';
import { AlertErrorCode } from '@hop-luu/alerts';
import { PeopleErrorCode } from '@hop-luu/people';
import { SourceErrorCode } from '@hop-luu/sources';
import { WorkErrorCode } from '@hop-luu/works';
import { CatalogueErrorCode } from '../catalogue/catalogue.errors';
import { ConsoleErrorCode } from '../people/console.errors';

/** How one kind of error leaves the API: its `extensions.code` and the HTTP status it is sent with. */
export interface ApiError {
  readonly code: string;
  readonly status: number;
}

/** Every code the domain libraries and the gateway's own resolvers throw. */
export type DomainCode =
  | SourceErrorCode
  | AccessErrorCode
  | CatalogueErrorCode
  | AlertErrorCode
  | PeopleErrorCode
  | ConsoleErrorCode
  | WorkErrorCode;

/**
 * Domain error → API error. A Record over the union of the enums, so a new domain code does not
 * compile until it has its answer here (and in the README's list, which a test checks).
 */
export const DOMAIN_ERRORS: Record<DomainCode, ApiError> = {
  [SourceErrorCode.NotFound]: { code: 'NOT_FOUND', status: 404 },
  [SourceErrorCode.AlreadyExists]: { code: 'CONFLICT', status: 409 },
  [SourceErrorCode.Invalid]: { code: 'BAD_USER_INPUT', status: 400 },
  [SourceErrorCode.EndpointUnusable]: { code: 'SOURCE_ENDPOINT_UNUSABLE', status: 422 },
  [SourceErrorCode.AddressNotAllowed]: { code: 'SOURCE_ADDRESS_NOT_ALLOWED', status: 422 },
  [AccessErrorCode.Unauthenticated]: { code: 'UNAUTHENTICATED', status: 401 },
  [AccessErrorCode.Forbidden]: { code: 'FORBIDDEN', status: 403 },
  [AccessErrorCode.RateLimited]: { code: 'RATE_LIMITED', status: 429 },
  [AccessErrorCode.KeyNotFound]: { code: 'NOT_FOUND', status: 404 },
  [AccessErrorCode.KeyInvalid]: { code: 'BAD_USER_INPUT', status: 400 },
  [CatalogueErrorCode.BadCursor]: { code: 'BAD_CURSOR', status: 400 },
  [CatalogueErrorCode.BadQuery]: { code: 'BAD_USER_INPUT', status: 400 },
  [CatalogueErrorCode.PageTooLarge]: { code: 'BAD_USER_INPUT', status: 400 },
  [CatalogueErrorCode.NotFound]: { code: 'NOT_FOUND', status: 404 },
  [CatalogueErrorCode.SearchTooSlow]: { code: 'SEARCH_TOO_SLOW', status: 503 },
  [AlertErrorCode.WebhookInvalid]: { code: 'BAD_USER_INPUT', status: 400 },
  [AlertErrorCode.WebhookAddressNotAllowed]: { code: 'WEBHOOK_ADDRESS_NOT_ALLOWED', status: 422 },
  [AlertErrorCode.WebhookNotFound]: { code: 'NOT_FOUND', status: 404 },
  [PeopleErrorCode.SignInFailed]: { code: 'SIGN_IN_FAILED', status: 401 },
  [PeopleErrorCode.AccountLocked]: { code: 'ACCOUNT_LOCKED', status: 429 },
  [PeopleErrorCode.TokenInvalid]: { code: 'TOKEN_INVALID', status: 400 },
  [PeopleErrorCode.PasswordTooWeak]: { code: 'PASSWORD_TOO_WEAK', status: 400 },
  [PeopleErrorCode.PersonInvalid]: { code: 'BAD_USER_INPUT', status: 400 },
  [PeopleErrorCode.PersonNotFound]: { code: 'NOT_FOUND', status: 404 },
  [PeopleErrorCode.PartnerNotFound]: { code: 'NOT_FOUND', status: 404 },
  [PeopleErrorCode.EmailTaken]: { code: 'CONFLICT', status: 409 },
  [PeopleErrorCode.PartnerExists]: { code: 'CONFLICT', status: 409 },
  [PeopleErrorCode.MailNotSent]: { code: 'MAIL_NOT_SENT', status: 503 },
  [ConsoleErrorCode.CsrfRejected]: { code: 'CSRF_REJECTED', status: 403 },
  [WorkErrorCode.RecordNotFound]: { code: 'NOT_FOUND', status: 404 },
  [WorkErrorCode.WorkNotFound]: { code: 'NOT_FOUND', status: 404 },
  [WorkErrorCode.DecisionNotFound]: { code: 'NOT_FOUND', status: 404 },
  [WorkErrorCode.DecisionInvalid]: { code: 'BAD_USER_INPUT', status: 400 },
  [WorkErrorCode.AlreadyUndone]: { code: 'DECISION_ALREADY_UNDONE', status: 409 },
};

/**
 * Codes Apollo, graphql-js and the query-limits plugin give to requests that cannot be run as
 * sent; their messages are safe to show and all are the client's to fix.
 */
export const REQUEST_ERRORS = {
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  BAD_REQUEST: 400,
  QUERY_TOO_COMPLEX: 400,
  QUERY_TOO_DEEP: 400,
} as const satisfies Record<string, number>;

/** Answers the gateway gives when it, not the request, is the problem. */
export const SERVER_ERRORS = {
  SEARCH_UNAVAILABLE: 503,
  // nginx's "client closed request": nobody reads this answer.
  REQUEST_ABANDONED: 499,
  INTERNAL_SERVER_ERROR: 500,
} as const satisfies Record<string, number>;

export type RequestErrorCode = keyof typeof REQUEST_ERRORS;
export type ServerErrorCode = keyof typeof SERVER_ERRORS;

const STATUS_OF: ReadonlyMap<string, number> = new Map([
  ...Object.values(DOMAIN_ERRORS).map(({ code, status }): [string, number] => [code, status]),
  ...Object.entries(REQUEST_ERRORS),
  ...Object.entries(SERVER_ERRORS),
]);

/** Every `extensions.code` the API can answer with (the README lists the same). */
export function allApiCodes(): string[] {
  return [...STATUS_OF.keys()].sort();
}

/** HTTP status for an answered code; 500 for one this table does not know (a bug to add here). */
export function statusOf(code: unknown): number {
  return STATUS_OF.get(String(code)) ?? 500;
}

export function isRequestErrorCode(code: string): code is RequestErrorCode {
  return code in REQUEST_ERRORS;
}
