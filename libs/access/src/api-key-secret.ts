import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `hl_<10-character public prefix>_<43-character secret>`; the prefix finds the row. */
const KEY_FORMAT = /^hl_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface KeyParts {
  readonly prefix: string;
  readonly secret: string;
}

export function parseKey(key: string): KeyParts | undefined {
  const match = KEY_FORMAT.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : undefined;
}

/** A fresh key: 256 random bits of secret behind a random public prefix. */
export function newKey(): KeyParts & { key: string } {
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secret, key: `hl_${prefix}_${secret}` };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(secret), 'hex'), Buffer.from(storedHash, 'hex'));
}

/** The public prefix of a key reference: the prefix itself, `hl_<prefix>` or a whole key. */
export function prefixOf(reference: string): string | undefined {
  const text = reference.trim();
  const whole = parseKey(text);
  if (whole) return whole.prefix;
  const match = /^(?:hl_)?([a-z0-9]{10})$/.exec(text);
  return match?.[1];
}
