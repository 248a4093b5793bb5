import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getRepositoryToken } from '@nestjs/typeorm';
import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { Repository } from 'typeorm';
import { ApiKey, ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { CatalogueIndex } from '@hop-luu/search-index';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { commands } from '../apps/harvester/src/cli/commands';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { HarvesterModule } from '../apps/harvester/src/harvester.module';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { eventually } from './support/eventually';
import { waitForRun } from './support/harvest-helpers';
import { errorCode, gql, GqlResponse } from './support/graphql-client';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

/*
 * The gateway probed as an attacker and as a careless client would: every bad request gets a
 * 4xx with a code and a message naming the problem, and no one request makes unbounded work.
 * Each describe block uses `world` (one harvested source, API keys, gateways booted on demand).
 */

interface World {
  env: TestEnv;
  provider: OaiProvider;
  harvester: INestApplication;
  /** The gateway with default limits (rate limit raised so the tests do not trip it). */
  gateway: INestApplication;
  keys: { staff: string; partner: string };
  /** One more gateway on the same data, with these settings; closed after the file. */
  gatewayWith(overrides: TestEnv): Promise<INestApplication>;
}

const world = {} as World;
const extraGateways: INestApplication[] = [];

beforeAll(async () => {
  world.provider = await startOaiProvider({
    repositories: [{ name: 'lib', records: 30, pageSize: 30, generator: { seed: 13 } }],
  });
  world.env = await isolatedTestEnv('abuse', {
    GATEWAY_RATE_LIMIT_BURST: '10000',
    GATEWAY_RATE_LIMIT_PER_SECOND: '10000',
  });
  const config = loadConfig({ ...process.env, ...world.env });
  world.harvester = await (await createApp(harvesterApp, config)).init();
  world.gateway = await (await createApp(gatewayApp, config)).init();
  world.gatewayWith = async (overrides) => {
    const app = await createApp(
      gatewayApp,
      loadConfig({ ...process.env, ...world.env, ...overrides }),
    );
    extraGateways.push(app);
    return app.init();
  };
  const apiKeys = world.harvester.get(ApiKeysService);
  world.keys = {
    staff: (await apiKeys.createKey('Ban Thư viện số — TVQG', 'staff')).key,
    partner: (await apiKeys.createKey('Thư viện Đại học Huế', 'partner')).key,
  };
  const registered = await gql(
    world.gateway,
    `mutation($in: RegisterSourceInput!) { registerSource(input: $in) { id } }`,
    {
      in: {
        id: 'lib',
        libraryName: 'Thư viện Đại học Huế',
        libraryKind: 'university',
        baseUrl: world.provider.baseUrl('lib'),
        metadataPrefix: 'oai_dc',
      },
    },
    world.keys.partner,
  );
  expect(registered.errors).toBeUndefined();
  const queued = await gql(
    world.gateway,
    `mutation { triggerHarvest(sourceId: "lib", mode: FULL) { id } }`,
    {},
    world.keys.partner,
  );
  expect((await waitForRun(world.harvester, queued.data!.triggerHarvest.id)).status).toBe(
    'succeeded',
  );
  await world.harvester.get(CatalogueIndex).refresh();
}, 180_000);

afterAll(async () => {
  for (const app of [...extraGateways, world.gateway, world.harvester]) await app?.close();
  await world.provider?.close();
  if (world.env) await removeTestEnv(world.env);
});

/** Status, code and message of the first error, the three things these tests assert. */
function refusal(response: GqlResponse) {
  return {
    status: response.status,
    code: errorCode(response),
    message: response.errors?.[0]?.message ?? '',
  };
}

describe('client errors are answered as client errors', () => {
  it('refuses variables that do not fit the schema with 400 and GraphQL naming the field', async () => {
    const misspelled = await gql(
      world.gateway,
      `mutation($in: RegisterSourceInput!) { registerSource(input: $in) { id } }`,
      {
        in: {
          id: 'x1',
          libraryName: 'X',
          libraryKind: 'other',
          baseUrl: 'https://x.example/oai',
          metadataPrefix: 'oai_dc',
          kind: 'other',
        },
      },
      world.keys.partner,
    );
    expect(refusal(misspelled)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/"kind" is not defined by type "RegisterSourceInput"/),
    });
    const wrongType = await gql(
      world.gateway,
      `query($n: Int) { search(first: $n) { totalCount } }`,
      { n: 'ten' },
    );
    expect(refusal(wrongType)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/\$n.*Int cannot represent/),
    });
  });

  it('answers an unknown API key with 401 UNAUTHENTICATED', async () => {
    const unknown = await gql(
      world.gateway,
      `{ sources { id } }`,
      {},
      'hl_0000000000_not-a-real-key-not-a-real-key-not-a-real-key-0',
    );
    expect(refusal(unknown)).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/API key is not valid/),
    });
  });

  it('tells anonymous callers what the operation they tried needs', async () => {
    const register = await gql(
      world.gateway,
      `mutation { registerSource(input: { id: "x1", libraryName: "X", libraryKind: "other", baseUrl: "https://x.example/oai", metadataPrefix: "oai_dc" }) { id } }`,
    );
    expect(refusal(register)).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/^Registering a source is for partner libraries and staff/),
    });
    const trigger = await gql(world.gateway, `mutation { triggerHarvest(sourceId: "lib") { id } }`);
    expect(refusal(trigger).message).toMatch(/^Triggering a harvest is for partner/);
    expect(refusal(trigger).status).toBe(401);
  });

  it('answers a caller over its rate limit with 429 and Retry-After', async () => {
    const limited = await world.gatewayWith({
      GATEWAY_RATE_LIMIT_BURST: '2',
      GATEWAY_RATE_LIMIT_PER_SECOND: '1',
    });
    const send = () =>
      request(limited.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-api-key', world.keys.partner)
        .send({ query: '{ sources { id } }' });
    await send().expect(200);
    await send().expect(200);
    const over = await send();
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refusal({ ...over.body, status: over.status })).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/Too many requests for this API key; retry in \d+ s/),
    });
  });

  it('answers queries too deep or too costly with 400', async () => {
    const strict = await world.gatewayWith({
      GATEWAY_MAX_QUERY_DEPTH: '3',
      GATEWAY_MAX_QUERY_COMPLEXITY: '50',
    });
    const deep = await gql(
      strict,
      `{ search(first: 1) { works { representative { cluster { key } } } } }`,
    );
    expect(refusal(deep)).toEqual({
      status: 400,
      code: 'QUERY_TOO_DEEP',
      message: expect.stringMatching(/nested 5 levels deep; the limit is 3/),
    });
    const costly = await gql(strict, `{ searchRecords(first: 100) { records { id title } } }`);
    expect(refusal(costly)).toEqual({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/over the limit of 50/),
    });
  });
});

/** A cursor this API gave out, with its payload replaced but its signature kept. */
function tampered(cursor: string, payload: unknown): string {
  const [, signature] = cursor.split('.');
  return `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

function payloadOf(cursor: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(cursor.split('.')[0], 'base64url').toString('utf8'));
}

describe('unchecked values never reach PostgreSQL or Elasticsearch', () => {
  it('refuses a harvest run id that is not a UUID', async () => {
    const run = await gql(world.gateway, `{ harvestRun(id: "0") { id } }`, {}, world.keys.staff);
    expect(refusal(run)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/id "0" is not a harvest run id; run ids are UUIDs/),
    });
  });

  it('refuses a 40,000-character cluster id, without repeating it', async () => {
    const cluster = await gql(world.gateway, `query($id: String!) { cluster(id: $id) { id } }`, {
      id: 'x'.repeat(40_000),
    });
    expect(refusal(cluster)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message:
        'cluster id is 40000 characters long; the limit is 1000 (use a work id from search).',
    });
  });

  const RECORDS = `query($after: String) { searchRecords(first: 2, after: $after) { records { id } pageInfo { endCursor } } }`;
  const WORKS = `query($after: String) { search(first: 2, after: $after) { works { id } pageInfo { endCursor } } }`;

  it('refuses a record cursor whose sort values were altered', async () => {
    const page = await gql(world.gateway, RECORDS);
    const cursor: string = page.data!.searchRecords.pageInfo.endCursor;
    expect((await gql(world.gateway, RECORDS, { after: cursor })).errors).toBeUndefined();
    for (const a of [[{}], 'x', null]) {
      const after = tampered(cursor, { ...payloadOf(cursor), a });
      expect(refusal(await gql(world.gateway, RECORDS, { after }))).toEqual({
        status: 400,
        code: 'BAD_CURSOR',
        message: expect.stringMatching(/not one this API gave out \(or it was altered\)/),
      });
    }
  });

  it('refuses a work cursor whose offset was altered', async () => {
    const page = await gql(world.gateway, WORKS);
    const cursor: string = page.data!.search.pageInfo.endCursor;
    for (const o of [-20, 'ten', 4]) {
      const after = tampered(cursor, { ...payloadOf(cursor), o });
      expect(refusal(await gql(world.gateway, WORKS, { after })).code).toBe('BAD_CURSOR');
    }
  });

  it('refuses a harvestRuns cursor holding something else than a date', async () => {
    const works = await gql(world.gateway, WORKS);
    const signed: string = works.data!.search.pageInfo.endCursor;
    const after = tampered(signed, { q: 'not a date', i: '00000000-0000-0000-0000-000000000000' });
    const unsigned = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    for (const cursor of [after, unsigned]) {
      const runs = await gql(
        world.gateway,
        `query($after: String) { harvestRuns(after: $after) { runs { id } } }`,
        { after: cursor },
        world.keys.staff,
      );
      expect(refusal(runs)).toEqual({
        status: 400,
        code: 'BAD_CURSOR',
        message: expect.stringMatching(/not one this API gave out/),
      });
    }
  });
});

describe('no single request makes unbounded work', () => {
  const aliases = (count: number, field: (i: number) => string) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

  it.each([
    ['search', (i: number) => `search(query: "w${i}", first: 1) { totalCount }`],
    ['suggest', (i: number) => `suggest(prefix: "w${i}") { title }`],
    ['cluster', (i: number) => `cluster(id: "w${i}") { id }`],
    ['record', (i: number) => `record(id: "lib:w${i}") { id }`],
  ])('refuses 1,000 aliases of %s before anything runs', async (_name, field) => {
    const many = await gql(world.gateway, aliases(1000, field));
    expect(refusal(many)).toEqual({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(
        /^Query has 1000 top-level fields; at most 10 fit in one request/,
      ),
    });
    expect(many.data).toBeUndefined();
  });

  it('refuses a document of more than 20,000 tokens while parsing it', async () => {
    const huge = await gql(world.gateway, `{ search { works { ${'id '.repeat(25_000)}} } }`);
    expect(refusal(huge)).toEqual({
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      message: expect.stringMatching(/Document contains more tha[nt] 20000 tokens/),
    });
  });

  it('still answers as many top-level fields as the limit allows', async () => {
    const ten = await gql(
      world.gateway,
      aliases(10, (i) => `search(query: "w${i}", first: 1) { totalCount }`),
    );
    expect(ten.errors).toBeUndefined();
    expect(Object.keys(ten.data!)).toHaveLength(10);
  });

  it('refuses 8,000 prefix terms without asking Elasticsearch, naming the limit', async () => {
    const prefixes = await gql(
      world.gateway,
      `query($q: String) { search(query: $q) { totalCount } }`,
      {
        q: 'a* '.repeat(8000),
      },
    );
    expect(refusal(prefixes)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: 'query is 24000 characters long; the limit is 500.',
    });
    const within = await gql(
      world.gateway,
      `query($q: String) { search(query: $q) { totalCount } }`,
      {
        q: 'a* b* c* d* e* f*',
      },
    );
    expect(refusal(within)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/6 prefix terms \(word\*\); the limit is 4/),
    });
  });

  it('caps introspection: 800 aliases of __schema are refused, the explorer’s query is not', async () => {
    const schemaQuery = `__schema { types { name fields { name } } }`;
    const many = await gql(
      world.gateway,
      aliases(800, () => schemaQuery),
    );
    expect(refusal(many)).toEqual({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/more than 1000 fields of __schema\/__type/),
    });
    expect((await gql(world.gateway, getIntrospectionQuery())).errors).toBeUndefined();
  });

  it('measures through fragments, so spreading one twice per level is refused', async () => {
    const levels = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on __Schema { ...F${i + 1} ...F${i + 1} }`,
    );
    const bomb = `{ __schema { ...F0 } } ${levels.join(' ')} fragment F20 on __Schema { types { name } }`;
    expect(refusal(await gql(world.gateway, bomb))).toEqual({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/more than 1000 fields of __schema\/__type/),
    });
    const works = Array.from(
      { length: 20 },
      (_, i) => `fragment W${i} on WorkSearchResult { ...W${i + 1} ...W${i + 1} }`,
    );
    const searchBomb = `{ search(first: 1) { ...W0 } } ${works.join(' ')} fragment W20 on WorkSearchResult { totalCount }`;
    expect(refusal(await gql(world.gateway, searchBomb))).toEqual({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/too large to measure/),
    });
  });

  it('refuses text longer than it stores, and does not repeat it', async () => {
    const input = {
      id: 'long-name',
      libraryName: 'T'.repeat(90_000),
      libraryKind: 'other',
      baseUrl: world.provider.baseUrl('lib'),
      metadataPrefix: 'oai_dc',
    };
    const name = await gql(world.gateway, REGISTER, { input }, world.keys.staff);
    expect(refusal(name)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: 'libraryName is 90000 characters long; the limit is 200.',
    });
    const host = await gql(
      world.gateway,
      REGISTER,
      { input: { ...input, libraryName: 'X', baseUrl: `https://${'h'.repeat(70_000)}.vn/oai` } },
      world.keys.staff,
    );
    expect(refusal(host)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message: 'baseUrl is 70015 characters long; the limit is 2000.',
    });
    const sources = await gql(world.gateway, `{ sources { id } }`);
    expect(sources.data!.sources).toEqual([{ id: 'lib' }]);
    const unknown = await gql(
      world.gateway,
      `mutation($id: String!) { setSourceEnabled(id: $id, enabled: false) { id } }`,
      { id: 'y'.repeat(70_000) },
      world.keys.staff,
    );
    expect(refusal(unknown)).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      message: `Source "${'y'.repeat(80)}… (70000 characters)" does not exist; list sources to see the ids.`,
    });
  });
});

const REGISTER = `mutation($input: RegisterSourceInput!) { registerSource(input: $input) { id } }`;
const KEYS = `{ apiKeys { prefix status partnerName role label expiresAt lastUsedAt revokedAt } }`;
const REVOKE = `mutation($p: String!) { revokeApiKey(prefix: $p) { prefix status revokedAt } }`;
const ROTATE = `mutation($p: String!) { rotateApiKey(prefix: $p) { key apiKey { prefix status } } }`;
const WHO = `{ harvestRuns(first: 1) { runs { id } } }`;
const CREATE = `mutation($label: String) {
  createApiKey(label: $label) { key apiKey { prefix status partnerName label } }
}`;

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
      expect(refusal(result)).toMatchObject({ status: 422, code: 'SOURCE_ADDRESS_NOT_ALLOWED' });
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
      expect(refusal(result)).toMatchObject({
        status: 400,
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/must not have a #fragment/),
      });
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

    it('are refused with 429 and Retry-After after a burst, before any key lookup', async () => {
      const lookups = jest.spyOn(
        throttled.get<Repository<ApiKey>>(getRepositoryToken(ApiKey)),
        'findOne',
      );
      for (let i = 0; i < 3; i++) {
        expect(refusal(await gql(throttled, WHO, {}, unknownKey(i)))).toMatchObject({
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
      const refused = await request(throttled.getHttpServer())
        .post('/graphql')
        .set('x-api-key', unknownKey(99))
        .send({ query: WHO });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(refused.body.errors[0].message).toMatch(
        /wrong API key from this address; retry in \d+ s/,
      );
      // Even a valid key waits: the address is throttled before any key is looked up.
      expect(errorCode(await gql(throttled, WHO, {}, staff))).toBe('RATE_LIMITED');
      const scrape = await request(throttled.getHttpServer())
        .get('/metrics')
        .set('x-api-key', staff);
      expect(scrape.status).toBe(429);
      expect(Number(scrape.headers['retry-after'])).toBeGreaterThan(0);
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
        expect(refusal(await gql(app, WHO, {}, key))).toMatchObject({
          status: 401,
          code: 'UNAUTHENTICATED',
          message: expect.stringMatching(/API key is not valid \(unknown, revoked/),
        });
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

    it('lets a signed-in partner create a key for its own library only, shown once', async () => {
      const partner = (await keys.createKey('Thư viện tỉnh Quảng Ninh', 'partner')).key;
      const created = await gql(gateway, CREATE, { label: 'Koha sync' }, partner);
      expect(created.errors).toBeUndefined();
      const fresh: string = created.data!.createApiKey.key;
      expect(fresh).toMatch(/^hl_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
      expect(created.data!.createApiKey.apiKey).toMatchObject({
        partnerName: 'Thư viện tỉnh Quảng Ninh',
        label: 'Koha sync',
        status: 'ACTIVE',
      });
      expect(errorCode(await gql(gateway, WHO, {}, fresh))).toBeUndefined();
      const listed = (await gql(gateway, KEYS, {}, partner)).data!.apiKeys;
      expect(listed.map((k: { partnerName: string }) => k.partnerName)).toEqual([
        'Thư viện tỉnh Quảng Ninh',
        'Thư viện tỉnh Quảng Ninh',
      ]);
      expect(JSON.stringify(listed)).not.toContain(fresh.split('_')[2]);
      expect(errorCode(await gql(gateway, CREATE, { label: 'x' }))).toBe('UNAUTHENTICATED');
    });

    it('rotating one key twice at once gives one replacement, and says why the other failed', async () => {
      const old = (await keys.createKey('Thư viện Bắc Ninh', 'partner')).key;
      const both = await Promise.all([
        gql(gateway, ROTATE, { p: prefixOf(old) }, staff),
        gql(gateway, ROTATE, { p: prefixOf(old) }, staff),
      ]);
      const issued = both.filter((answer) => answer.data?.rotateApiKey);
      expect(issued).toHaveLength(1);
      expect(refusal(both.find((answer) => !answer.data?.rotateApiKey)!)).toMatchObject({
        status: 400,
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/is revoked; create a new key/),
      });
      const partnerKeys = (await gql(gateway, KEYS, {}, issued[0].data!.rotateApiKey.key)).data!
        .apiKeys;
      expect(partnerKeys.map((k: { status: string }) => k.status)).toEqual(['ACTIVE', 'REVOKED']);
    });

    it('lets a partner list and revoke only its own keys; staff see all', async () => {
      const mine = (await keys.createKey('Thư viện Hải Phòng', 'partner')).key;
      const theirs = (await keys.createKey('Thư viện Đà Nẵng', 'partner')).key;
      const own = (await gql(gateway, KEYS, {}, mine)).data!.apiKeys;
      expect(own.map((k: { partnerName: string }) => k.partnerName)).toEqual([
        'Thư viện Hải Phòng',
      ]);
      expect(refusal(await gql(gateway, REVOKE, { p: prefixOf(theirs) }, mine))).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
        message: expect.stringMatching(/belongs to another partner/),
      });
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
