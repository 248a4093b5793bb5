import { checkPasswordStrength, hashPassword, passwordMatches } from './password-hashing';
import { PeopleErrorCode } from './people.errors';

describe('password hashing', () => {
  it('stores argon2id with its own salt, and checks the password against it', async () => {
    const first = await hashPassword('mật khẩu dài đủ');
    const second = await hashPassword('mật khẩu dài đủ');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    await expect(passwordMatches(first, 'mật khẩu dài đủ')).resolves.toBe(true);
    await expect(passwordMatches(first, 'mật khẩu dài đu')).resolves.toBe(false);
  });

  it('treats a malformed stored hash as a mismatch', async () => {
    await expect(passwordMatches('not-a-hash', 'anything at all')).resolves.toBe(false);
  });
});

describe('checkPasswordStrength', () => {
  it.each([
    ['short', 'too short'],
    ['aaaaaaaaaaaaaaa', 'too few characters'],
    ['x'.repeat(201), 'too long'],
    ['lan.nguyen-2026!', 'e-mail name'],
  ])('refuses %s (%s)', (password, why) => {
    expect(() => checkPasswordStrength(password, 'lan.nguyen@thuvien.vn')).toThrow(
      expect.objectContaining({
        code: PeopleErrorCode.PasswordTooWeak,
        message: expect.stringContaining(why),
      }),
    );
  });

  it('accepts a long passphrase', () => {
    expect(() => checkPasswordStrength('sông Hồng chảy qua', 'lan@thuvien.vn')).not.toThrow();
  });
});
