import { createHash, randomBytes } from 'node:crypto';

/** A link's secret: 32 random bytes, URL-safe. Only its SHA-256 is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What a stored link needs to be redeemable. */
export interface StoredLink {
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/** Why a link cannot be used now, in words for its owner; undefined when it can. */
export function linkProblem(link: StoredLink | null, now: Date): string | undefined {
  if (!link) return 'This link is not valid (mistyped, or replaced by a newer one).';
  if (link.usedAt) return 'This link has been used already; each link works once.';
  if (link.expiresAt <= now) return 'This link has expired.';
  return undefined;
}
