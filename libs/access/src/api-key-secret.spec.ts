import { newKey, parseKey, prefixOf, secretMatches, sha256 } from './api-key-secret';

describe('API key secrets', () => {
  it('makes keys that parse back into their prefix and a secret matching its hash', () => {
    const fresh = newKey();
    expect(fresh.key).toMatch(/^hl_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(parseKey(fresh.key)).toEqual({ prefix: fresh.prefix, secret: fresh.secret });
    expect(secretMatches(fresh.secret, sha256(fresh.secret))).toBe(true);
    expect(secretMatches(newKey().secret, sha256(fresh.secret))).toBe(false);
  });

  it.each([
    ['3f9a0c1b2d', '3f9a0c1b2d'],
    ['hl_3f9a0c1b2d', '3f9a0c1b2d'],
    [` hl_3f9a0c1b2d_${'a'.repeat(43)} `, '3f9a0c1b2d'],
    ['hl_3F9A0C1B2D', undefined],
    ['3f9a0c1b2', undefined],
    ["3f9a0c1b2d' OR 1=1", undefined],
  ])('reads the prefix of %j as %j', (reference, prefix) => {
    expect(prefixOf(reference)).toBe(prefix);
  });
});
