import { DomainError } from '@hop-luu/domain-error';

export enum AccessErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  RateLimited = 'RATE_LIMITED',
}

/** The caller may not do this; the message says what is needed. */
export class AccessError extends DomainError<AccessErrorCode> {}
