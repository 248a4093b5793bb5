import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';
import { ConfigError } from './config.error';

/** Each parser turns one raw environment string into a typed value or throws a ConfigError. */
export type Parser<T> = (variable: string, raw: string | undefined) => T;

function fail(variable: string, expected: string, raw: string | undefined): never {
  throw new ConfigError(variable, expected, raw);
}

function required(variable: string, raw: string | undefined, expected: string): string {
  if (raw === undefined || raw.trim() === '') fail(variable, expected, raw);
  return raw.trim();
}

export function oneOf<T extends string>(values: readonly T[]): Parser<T> {
  const expected = `one of ${values.join(', ')}`;
  return (variable, raw) => {
    const value = required(variable, raw, expected);
    return (values as readonly string[]).includes(value)
      ? (value as T)
      : fail(variable, expected, raw);
  };
}

export function url(protocols: readonly string[], example: string): Parser<string> {
  const expected = `a ${protocols.join(' or ')} URL such as ${example}`;
  return (variable, raw) => {
    const value = required(variable, raw, expected);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return fail(variable, expected, raw);
    }
    if (!protocols.includes(parsed.protocol) || parsed.hostname === '')
      fail(variable, expected, raw);
    return value;
  };
}

/**
 * Like `url`, but unset (or empty) gives undefined: the feature it points at is off. The URL may
 * carry credentials, so a refusal does not show it.
 */
export function optionalSecretUrl(
  protocols: readonly string[],
  example: string,
): Parser<string | undefined> {
  const parse = url(protocols, example);
  return (variable, raw) => {
    if (raw === undefined || raw.trim() === '') return undefined;
    try {
      return parse(variable, raw);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new ConfigError(variable, error.expected, '(not shown: it may hold a password)');
    }
  };
}

export function integer(min: number, max: number): Parser<number> {
  const expected = `a whole number from ${min} to ${max}`;
  return (variable, raw) => {
    const value = required(variable, raw, expected);
    if (!/^-?\d+$/.test(value)) fail(variable, expected, raw);
    const parsed = Number(value);
    return parsed >= min && parsed <= max ? parsed : fail(variable, expected, raw);
  };
}

export const boolean: Parser<boolean> = (variable, raw) => {
  const value = required(variable, raw, 'true or false').toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fail(variable, 'true or false', raw);
};

export const email: Parser<string> = (variable, raw) => {
  const expected = 'an e-mail address such as ops@library.gov.vn';
  const value = required(variable, raw, expected);
  return /^[^\s@]+@[^\s@]+$/.test(value) ? value : fail(variable, expected, raw);
};

/** Comma-separated e-mail addresses, lower-cased; empty or unset gives none. */
export const emailList: Parser<readonly string[]> = (variable, raw) => {
  const list = (raw ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  for (const address of list) email(variable, address);
  return list;
};

/** An e-mail address, alone or as `Name <address>` (the form of a From header). */
export const mailbox: Parser<string> = (variable, raw) => {
  const expected =
    'an e-mail address, or a name and one in angle brackets such as Hợp Lưu <ops@nlv.gov.vn>';
  const value = required(variable, raw, expected);
  const address = /^[^<>]*<([^<>]+)>$/.exec(value)?.[1] ?? value;
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? value : fail(variable, expected, raw);
};

export const indexName: Parser<string> = (variable, raw) => {
  const expected = 'a lowercase Elasticsearch name of letters, digits, - or _ (max 40)';
  const value = required(variable, raw, expected);
  return /^[a-z0-9][a-z0-9_-]{0,39}$/.test(value) ? value : fail(variable, expected, raw);
};

export const ipAddress: Parser<string> = (variable, raw) => {
  const expected = 'an IP address such as 127.0.0.1 or 0.0.0.0';
  const value = required(variable, raw, expected);
  return isIP(value) !== 0 ? value : fail(variable, expected, raw);
};

/** Comma-separated addresses, CIDRs or proxy-addr's names (loopback, linklocal, uniquelocal). */
export const addressList: Parser<readonly string[]> = (variable, raw) => {
  const list = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(list);
  } catch {
    fail(variable, 'addresses or CIDRs separated by commas, such as 10.0.0.5,10.1.0.0/16', raw);
  }
  return list;
};

/** A secret of at least `minLength` characters, or undefined when unset; a refusal never shows it. */
export function optionalSecret(minLength: number): Parser<string | undefined> {
  return (variable, raw) => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = raw.trim();
    if (value.length >= minLength) return value;
    return fail(
      variable,
      `a secret of at least ${minLength} characters`,
      `(${value.length} characters, not shown)`,
    );
  };
}
