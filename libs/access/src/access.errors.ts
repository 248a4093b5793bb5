import { DomainError } from '@hop-luu/domain-error';

export enum AccessErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  RateLimited = 'RATE_LIMITED',
  KeyNotFound = 'KEY_NOT_FOUND',
  KeyInvalid = 'KEY_INVALID',
}

/** The caller may not do this; the message says what is needed. */
export class AccessError extends DomainError<AccessErrorCode> {}

/** RATE_LIMITED with the wait, so the answer can carry a Retry-After header. */
export class RateLimitedError extends AccessError {
  constructor(
    message: string,
    /** Whole seconds until a retry can succeed. */
    readonly retryAfterSeconds: number,
  ) {
    super(AccessErrorCode.RateLimited, message);
  }
}
