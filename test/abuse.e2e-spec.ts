import { INestApplication } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import request from 'supertest';
import { Repository } from 'typeorm';
import { ApiKey, ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { NestFactory } from '@nestjs/core';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { commands } from '../apps/harvester/src/cli/commands';
import { HarvesterModule } from '../apps/harvester/src/harvester.module';
import { eventually } from './support/eventually';
import { errorCode, gql } from './support/graphql-client';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

const REGISTER = `mutation($input: RegisterSourceInput!) { registerSource(input: $input) { id } }`;
const KEYS = `{ apiKeys { prefix status partnerName role label expiresAt lastUsedAt revokedAt } }`;
const REVOKE = `mutation($p: String!) { revokeApiKey(prefix: $p) { prefix status revokedAt } }`;
const ROTATE = `mutation($p: String!) { rotateApiKey(prefix: $p) { key apiKey { prefix status } } }`;
const WHO = `{ harvestRuns(first: 1) { runs { id } } }`;

/** The public part of a key, as listings show it. */
const prefixOf = (key: string) => key.split('_').slice(0, 2).join('_');
/** A well-formed key nobody was given. */
const unknownKey = (n: number) => `hl_${String(n).padStart(10, '0')}_${'x'.repeat(43)}`;

describe('abuse: authentication, keys and the address guard', () => {
  let env: TestEnv;
  /** Production rules (no private addresses); failed-key throttle loose enough for these tests. */
  let gateway: INestApplication;
  /** A second replica on the same database: revocations must reach it at once. */
  let replica: INestApplication;
  let keys: ApiKeysService;
  let staff: string;

  const gatewayWith = async (overrides: TestEnv = {}) => {
    const app = await createApp(gatewayApp, loadConfig({ ...process.env, ...env, ...overrides }));
    return app.init();
  };

  beforeAll(async () => {
    env = await isolatedTestEnv('abuse_auth', {
      HARVEST_ALLOW_PRIVATE_ADDRESSES: 'false',
      GATEWAY_AUTH_FAILURE_BURST: '30',
    });
    gateway = await gatewayWith();
    replica = await gatewayWith();
    keys = gateway.get(ApiKeysService);
    staff = (await keys.createKey('Ban Thư viện số — TVQG', 'staff')).key;
  });

  afterAll(async () => {
    for (const app of [replica, gateway]) await app?.close();
    if (env) await removeTestEnv(env);
  });

  describe('the address guard on IPv6 forms that embed an IPv4 address', () => {
    it.each([
      ['IPv4-translated 127.0.0.1', '::ffff:0:7f00:1'],
      ['6to4 of 127.0.0.1', '2002:7f00:1::'],
      ['6to4 of the metadata address 169.254.169.254', '2002:a9fe:a9fe::'],
      ['Teredo with client 127.0.0.1', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
      ['Teredo with server 10.0.0.1', '2001:0:a00:1:8000:63bf:f7f7:f7f7'],
    ])('refuses to register %s ([%s])', async (_form, address) => {
      const result = await gql(
        gateway,
        REGISTER,
        {
          input: {
            id: 'sneaky-v6',
            libraryName: 'Thư viện lạ',
            libraryKind: 'special',
            baseUrl: `http://[${address}]/oai`,
            metadataPrefix: 'oai_dc',
          },
        },
        staff,
      );
      expect(errorCode(result)).toBe('SOURCE_ADDRESS_NOT_ALLOWED');
      expect(result.errors![0].message).toContain(address);
      expect(result.errors![0].message).toMatch(/loopback, private, link-local or metadata/);
    });

    it('names the #fragment of a base URL, not a query string', async () => {
      const result = await gql(
        gateway,
        REGISTER,
        {
          input: {
            id: 'fragment',
            libraryName: 'Thư viện có neo',
            libraryKind: 'special',
            baseUrl: 'https://lib.example.vn/oai#top',
            metadataPrefix: 'oai_dc',
          },
        },
        staff,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/must not have a #fragment/);
    });
  });

  describe('failed authentications', () => {
    let throttled: INestApplication;
    beforeAll(async () => {
      throttled = await gatewayWith({
        GATEWAY_AUTH_FAILURE_BURST: '3',
        GATEWAY_AUTH_FAILURES_PER_MINUTE: '1',
      });
    });
    afterAll(() => throttled?.close());

    it('are refused as RATE_LIMITED after a burst, before any key lookup', async () => {
      const lookups = jest.spyOn(
        throttled.get<Repository<ApiKey>>(getRepositoryToken(ApiKey)),
        'findOne',
      );
      const codes: unknown[] = [];
      for (let i = 0; i < 3; i++)
        codes.push(errorCode(await gql(throttled, WHO, {}, unknownKey(i))));
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
      const refused = await request(throttled.getHttpServer())
        .post('/graphql')
        .set('x-api-key', unknownKey(99))
        .send({ query: WHO });
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(refused.body.errors[0].message).toMatch(
        /wrong API key from this address; retry in \d+ s/,
      );
      // Even a valid key waits: the address is throttled before any key is looked up.
      expect(errorCode(await gql(throttled, WHO, {}, staff))).toBe('RATE_LIMITED');
      expect(lookups).toHaveBeenCalledTimes(3);
      lookups.mockRestore();
      // Searching without a key is not an authentication and still works.
      expect(errorCode(await gql(throttled, `{ sources { id } }`))).toBeUndefined();
    });

    it('remember an unknown key, so repeating it costs no lookup', async () => {
      const lookups = jest.spyOn(
        gateway.get<Repository<ApiKey>>(getRepositoryToken(ApiKey)),
        'findOne',
      );
      for (let i = 0; i < 4; i++)
        expect(errorCode(await gql(gateway, WHO, {}, unknownKey(4242)))).toBe('UNAUTHENTICATED');
      expect(lookups).toHaveBeenCalledTimes(1);
      lookups.mockRestore();
    });
  });

  describe('API keys over GraphQL', () => {
    it('revoking a key refuses it at once, on every replica', async () => {
      const key = (await keys.createKey('Thư viện tỉnh Nghệ An', 'partner')).key;
      expect(errorCode(await gql(replica, WHO, {}, key))).toBeUndefined();
      const revoked = await gql(gateway, REVOKE, { p: prefixOf(key) }, key);
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data!.revokeApiKey).toMatchObject({
        prefix: prefixOf(key),
        status: 'REVOKED',
      });
      for (const app of [gateway, replica]) {
        const after = await gql(app, WHO, {}, key);
        expect(errorCode(after)).toBe('UNAUTHENTICATED');
        expect(after.errors![0].message).toMatch(/revoked/);
      }
    });

    it('rotating a key refuses the old one and the new one (shown once) works', async () => {
      const old = (await keys.createKey('Thư viện ĐH Cần Thơ', 'partner', { label: 'koha' })).key;
      const rotated = await gql(gateway, ROTATE, { p: prefixOf(old) }, staff);
      expect(rotated.errors).toBeUndefined();
      const fresh: string = rotated.data!.rotateApiKey.key;
      expect(fresh).toMatch(/^hl_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
      expect(errorCode(await gql(gateway, WHO, {}, old))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(gateway, WHO, {}, fresh))).toBeUndefined();
      const listed = (await gql(gateway, KEYS, {}, fresh)).data!.apiKeys;
      expect(listed).toEqual([
        expect.objectContaining({ prefix: prefixOf(fresh), status: 'ACTIVE', label: 'koha' }),
        expect.objectContaining({ prefix: prefixOf(old), status: 'REVOKED' }),
      ]);
      expect(listed[0].lastUsedAt).not.toBeNull();
      // Used again within the minute: last use is not written again.
      expect((await gql(gateway, KEYS, {}, fresh)).data!.apiKeys[0].lastUsedAt).toBe(
        listed[0].lastUsedAt,
      );
      expect(JSON.stringify(listed)).not.toContain(fresh.split('_')[2]);
    });

    it('lets a partner list and revoke only its own keys; staff see all', async () => {
      const mine = (await keys.createKey('Thư viện Hải Phòng', 'partner')).key;
      const theirs = (await keys.createKey('Thư viện Đà Nẵng', 'partner')).key;
      const own = (await gql(gateway, KEYS, {}, mine)).data!.apiKeys;
      expect(own.map((k: { partnerName: string }) => k.partnerName)).toEqual([
        'Thư viện Hải Phòng',
      ]);
      const refused = await gql(gateway, REVOKE, { p: prefixOf(theirs) }, mine);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(errorCode(await gql(gateway, ROTATE, { p: prefixOf(theirs) }, mine))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await gql(gateway, WHO, {}, theirs))).toBeUndefined();
      const all = (await gql(gateway, KEYS, {}, staff)).data!.apiKeys;
      expect(all.map((k: { prefix: string }) => k.prefix)).toEqual(
        expect.arrayContaining([prefixOf(mine), prefixOf(theirs), prefixOf(staff)]),
      );
      expect(errorCode(await gql(gateway, KEYS))).toBe('UNAUTHENTICATED');
    });

    it('honours an expiry: the key works until then, and is refused after', async () => {
      const expiresAt = new Date(Date.now() + 1500);
      const key = (await keys.createKey('Thư viện Huế', 'partner', { expiresAt })).key;
      expect(errorCode(await gql(gateway, WHO, {}, key))).toBeUndefined();
      const code = () => gql(gateway, WHO, {}, key).then(errorCode);
      expect(await eventually(code, 'UNAUTHENTICATED', 4000, 300)).toBe('UNAUTHENTICATED');
      const listed = (await gql(gateway, KEYS, {}, staff)).data!.apiKeys;
      expect(listed.find((k: { prefix: string }) => k.prefix === prefixOf(key)).status).toBe(
        'EXPIRED',
      );
    });
  });

  describe('the explorer', () => {
    it('may not be framed, runs only its own scripts, and every one of them loads', async () => {
      const page = await request(gateway.getHttpServer()).get('/explorer').expect(200);
      const policy = String(page.headers['content-security-policy']);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).not.toMatch(/unsafe-eval|https?:/);
      expect(page.headers['x-frame-options']).toBe('DENY');
      // A script without src would be inline, which the policy blocks: there is none.
      const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes).toMatch(/ src="\/explorer\/assets\//);
      for (const [, asset] of page.text.matchAll(/(?:src|href)="([^"]+)"/g))
        await request(gateway.getHttpServer()).get(asset).expect(200);
    });
  });

  describe('API keys from the CLI', () => {
    it('lists keys without secrets, rotates one (printed once) and revokes one', async () => {
      const config = loadConfig({ ...process.env, ...env });
      const cli = await NestFactory.createApplicationContext(
        HarvesterModule.forRoot(config, { background: false }),
        { logger: false },
      );
      try {
        const lines: string[] = [];
        const run = async (name: string, args: string[], options = {}) => {
          lines.length = 0;
          const table = commands(cli, (line) => lines.push(line));
          await table[name as keyof typeof table](args, options);
          return lines.join('\n');
        };
        const created = await run('keys:create', [], {
          partner: 'Thư viện Quảng Ninh',
          label: 'dspace',
          expires: '2099-01-01',
        });
        const key = /API key \(shown once; store it now\): (\S+)/.exec(created)![1];
        const listed = await run('keys:list', [], { partner: 'Thư viện Quảng Ninh' });
        expect(listed).toMatch(
          new RegExp(
            `^${prefixOf(key)} active  partner created=\\S+ expires=2099-01-01T00:00:00.000Z last-used=- revoked=-  "Thư viện Quảng Ninh" \\(dspace\\)$`,
          ),
        );
        expect(listed).not.toContain(key.split('_')[2]);

        const rotated = await run('keys:rotate', [prefixOf(key)]);
        const fresh = /API key \(shown once; store it now\): (\S+)/.exec(rotated)![1];
        expect(errorCode(await gql(gateway, WHO, {}, key))).toBe('UNAUTHENTICATED');
        expect(errorCode(await gql(gateway, WHO, {}, fresh))).toBeUndefined();
        expect(rotated).toContain('expires=2099-01-01T00:00:00.000Z');

        expect(await run('keys:revoke', [prefixOf(fresh)])).toMatch(/ revoked /);
        expect(errorCode(await gql(gateway, WHO, {}, fresh))).toBe('UNAUTHENTICATED');
        const after = await run('keys:list', [], { partner: 'Thư viện Quảng Ninh' });
        expect(after.split('\n').map((line) => line.split(' ')[1])).toEqual(['revoked', 'revoked']);
        await expect(run('keys:revoke', ['hl_0000000000'])).rejects.toThrow(/No API key/);
      } finally {
        await cli.close();
      }
    });
  });
});
