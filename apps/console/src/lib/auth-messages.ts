import type { Translate } from '../i18n/i18n';
import type { AuthFailure } from './auth-api';

/** The sign-in endpoints' codes in the reader's language. */
export function authFailureText(failure: AuthFailure, t: Translate): string {
  switch (failure.code) {
    case 'SIGN_IN_FAILED':
      return t('auth.failed');
    case 'ACCOUNT_LOCKED':
      return t('auth.locked', {
        minutes: Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)),
      });
    case 'TOKEN_INVALID':
      return t('auth.tokenInvalid');
    case 'PASSWORD_TOO_WEAK':
      return failure.message || t('auth.tooWeak');
    case 'CSRF_REJECTED':
      return t('auth.csrf');
    case 'NETWORK':
      return t('auth.network');
    default:
      return failure.code.startsWith('HTTP_404')
        ? t('auth.unavailable')
        : failure.message || failure.code;
  }
}
