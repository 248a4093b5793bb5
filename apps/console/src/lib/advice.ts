import { isMessageKey, type Translate } from '../i18n/i18n';

/**
 * What a person should do about an error code, in plain words; codes without advice of
 * their own fall back to the server's message (which already says what to do).
 */
export function adviceFor(code: string, t: Translate): string | null {
  const key = `advice.${code}`;
  return isMessageKey(key) ? t(key) : null;
}
