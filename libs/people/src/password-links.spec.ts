import { linkProblem, newLinkToken, tokenHash } from './password-links';

const now = new Date('2026-12-03T08:00:00Z');
const inAnHour = new Date(now.getTime() + 3_600_000);

describe('password links', () => {
  it('makes unguessable tokens and keeps only their hash', () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(tokenHash(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });

  it('accepts an unused link before its expiry', () => {
    expect(linkProblem({ expiresAt: inAnHour, usedAt: null }, now)).toBeUndefined();
  });

  it('refuses an unknown, used or expired link', () => {
    expect(linkProblem(null, now)).toMatch(/not valid/);
    expect(linkProblem({ expiresAt: inAnHour, usedAt: now }, now)).toMatch(/used already/);
    expect(linkProblem({ expiresAt: now, usedAt: null }, now)).toMatch(/expired/);
  });
});
