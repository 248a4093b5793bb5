import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS } from '@hop-luu/settings';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives a working config from the defaults alone', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres:postgres@127.0.0.1:54329/hopluu');
    expect(config.elasticsearch.url).toBe('http://127.0.0.1:9249');
    expect(config.harvester.allowPrivateAddresses).toBe(false);
    expect(config.harvester.maxResponseBytes).toBe(256 * 1024 * 1024);
  });

  it('reads trusted proxies as a list, none by default', () => {
    expect(loadConfig({}).gateway.trustedProxies).toEqual([]);
    const config = loadConfig({ GATEWAY_TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16,loopback' });
    expect(config.gateway.trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback']);
  });

  it('lets the environment override a default', () => {
    const config = loadConfig({ GATEWAY_PORT: '8080', HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true' });
    expect(config.gateway.port).toBe(8080);
    expect(config.harvester.allowPrivateAddresses).toBe(true);
  });

  it.each([
    ['DATABASE_URL', 'nonsense', /expected a postgres: or postgresql: URL/],
    ['DATABASE_URL', 'mysql://x@y/z', /expected a postgres/],
    ['ELASTICSEARCH_URL', 'localhost:9200', /expected a http: or https: URL/],
    ['GATEWAY_PORT', '70000', /from 0 to 65535/],
    ['HARVEST_CONCURRENCY', '2.5', /whole number/],
    ['SCHEDULER_ENABLED', 'yes', /true or false/],
    ['LOG_LEVEL', 'loud', /one of fatal, error/],
    ['HARVEST_CONTACT_EMAIL', 'nobody', /e-mail address/],
    ['BIND_ADDRESS', 'everywhere', /IP address/],
    ['ELASTICSEARCH_INDEX_PREFIX', 'Hop Luu', /lowercase Elasticsearch name/],
    ['GATEWAY_TRUSTED_PROXIES', '10.0.0.5,proxy.lan', /addresses or CIDRs/],
    ['GATEWAY_TRUSTED_PROXIES', '10.0.0.0/40', /addresses or CIDRs/],
    ['MAIL_FROM', 'Hợp Lưu', /e-mail address/],
    ['CONSOLE_PUBLIC_URL', '/console', /http: or https: URL/],
  ])('rejects %s=%s naming the variable and what it expects', (variable, value, expected) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(`${variable}=${JSON.stringify(value)}`);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('leaves mail off without SMTP_URL and drops the slash ending the console address', () => {
    expect(loadConfig({}).mail.smtpUrl).toBeUndefined();
    const config = loadConfig({
      SMTP_URL: 'smtp://alerts:pw@mail.lib.gov.vn:587',
      CONSOLE_PUBLIC_URL: 'https://catalogue.nlv.gov.vn/console/',
      MAIL_FROM: 'Thư viện <ops@nlv.gov.vn>',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://alerts:pw@mail.lib.gov.vn:587',
      from: 'Thư viện <ops@nlv.gov.vn>',
      consolePublicUrl: 'https://catalogue.nlv.gov.vn/console',
    });
  });

  it('refuses a malformed SMTP_URL without showing it (it may hold a password)', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail' })).toThrow(/SMTP_URL=.*smtp:/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail' })).not.toThrow(/secret/);
  });

  it('marks the development session key, which the gateway refuses in production', () => {
    expect(loadConfig({}).console.sessionSecretIsDevelopmentKey).toBe(true);
    const secret = 'a-production-session-secret-of-40-chars!';
    expect(loadConfig({ CONSOLE_SESSION_SECRET: secret }).console).toEqual(
      expect.objectContaining({ sessionSecret: secret, sessionSecretIsDevelopmentKey: false }),
    );
    expect(() => loadConfig({ CONSOLE_SESSION_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ GATEWAY_PORT: '' }).gateway.port).toBe(3000);
  });
});

describe('the README configuration table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

  it.each(Object.values(SETTINGS).map((s) => [s.env, s.default]))(
    'documents %s with its default',
    (env, def) => {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${env}\``));
      expect(row).toBeDefined();
      expect(row).toContain(def === undefined ? '(none)' : `\`${def}\``);
    },
  );
});
