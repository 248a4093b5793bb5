import { DomainError } from '@hop-luu/domain-error';

export enum ConsoleErrorCode {
  /** A request authenticated by the session cookie came without the session's x-csrf-token. */
  CsrfRejected = 'CSRF_REJECTED',
}

/** Refused at the console's door (sign-in endpoints, cookie-authenticated GraphQL). */
export class ConsoleError extends DomainError<ConsoleErrorCode> {}

export function csrfRejected(): ConsoleError {
  return new ConsoleError(
    ConsoleErrorCode.CsrfRejected,
    'This request uses your console sign-in but lacks its x-csrf-token header; send the csrfToken that GET /console/auth/me gives (reload the console if it keeps happening).',
  );
}
