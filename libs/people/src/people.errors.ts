import { DomainError } from '@hop-luu/domain-error';

export enum PeopleErrorCode {
  SignInFailed = 'SIGN_IN_FAILED',
  AccountLocked = 'ACCOUNT_LOCKED',
  TokenInvalid = 'TOKEN_INVALID',
  PasswordTooWeak = 'PASSWORD_TOO_WEAK',
  PersonInvalid = 'PERSON_INVALID',
  PersonNotFound = 'PERSON_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  PartnerNotFound = 'PARTNER_NOT_FOUND',
  PartnerExists = 'PARTNER_EXISTS',
  /** The invitation mail could not be delivered, so the invitation was withdrawn. */
  MailNotSent = 'MAIL_NOT_SENT',
}

/** A refused sign-in, link, or account change; the message says what to do. */
export class PeopleError extends DomainError<PeopleErrorCode> {}

/** ACCOUNT_LOCKED with the wait, so the answer can say when to come back. */
export class AccountLockedError extends PeopleError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      PeopleErrorCode.AccountLocked,
      `Too many wrong passwords: this account is locked for ${Math.ceil(retryAfterSeconds / 60)} more minute(s). Try again later, or reset your password by e-mail.`,
    );
  }
}
