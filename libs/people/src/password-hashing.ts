import { hash, verify } from '@node-rs/argon2';
import { PeopleError, PeopleErrorCode } from './people.errors';

/** Shortest password accepted; length matters more than character classes. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longer passwords are refused, so a huge body cannot make hashing expensive. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum), as a PHC
 * string that carries its own salt and parameters, so they can be raised later.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a malformed stored hash (never throws for those). */
export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Throws PASSWORD_TOO_WEAK unless the password is long enough and not all one character. */
export function checkPasswordStrength(password: string, email?: string): void {
  const refuse = (why: string) => {
    throw new PeopleError(
      PeopleErrorCode.PasswordTooWeak,
      `${why} Choose a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; a few unrelated words work well.`,
    );
  };
  if (password.length < MIN_PASSWORD_LENGTH) refuse('The password is too short.');
  if (password.length > MAX_PASSWORD_LENGTH) refuse('The password is too long.');
  if (new Set(password).size < 4) refuse('The password repeats too few characters.');
  if (email && password.toLowerCase().includes(email.split('@')[0].toLowerCase()))
    refuse('The password contains your e-mail name.');
}
