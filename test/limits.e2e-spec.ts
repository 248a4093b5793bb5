import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { errorCode, gql, GqlResponse } from './support/graphql-client';
import { SampleCatalogue } from './support/sample-catalogue';
import type { TestEnv } from './support/test-environment';

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('limits', { harvested: true, strict: true });
  const { keys, register } = sample;
  let env: TestEnv;
  let strict: INestApplication;
  beforeAll(async () => {
    ({ env, strict } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

  describe('safety', () => {
    it.each([
      ['loopback', 'http://127.0.0.1:9/oai'],
      ['private', 'http://10.1.2.3/oai'],
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data'],
      ['localhost name', 'http://localhost:8080/oai'],
    ])(
      'refuses to register a %s endpoint unless configured to allow it',
      async (_kind, baseUrl) => {
        const result = await register(strict, keys.staff, { id: 'sneaky', baseUrl });
        expect(errorCode(result)).toBe('SOURCE_ADDRESS_NOT_ALLOWED');
        expect(result.errors![0].message).toMatch(/loopback|private/);
      },
    );

    it('refuses queries nested too deep or too costly', async () => {
      const deep = await gql(
        strict,
        `{ search(first: 1) { works { representative { cluster { key } } } } }`,
        {},
        keys.staff,
      );
      expect(errorCode(deep)).toBe('QUERY_TOO_DEEP');
      const costly = await gql(
        strict,
        `{ searchRecords(first: 100) { records { id title } } }`,
        {},
        keys.nlv,
      );
      expect(errorCode(costly)).toBe('QUERY_TOO_COMPLEX');
    });

    it('rate-limits each caller separately', async () => {
      const codes: unknown[] = [];
      for (let i = 0; i < 20; i++)
        codes.push(errorCode(await gql(strict, `{ sources { id } }`, {}, keys.hcm)));
      expect(codes.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
      expect(codes).toContain('RATE_LIMITED');
    });

    describe('anonymous callers behind a reverse proxy', () => {
      const body = JSON.stringify({
        query: '{ searchRecords(query: "gốm", first: 1) { totalCount } }',
      });
      /** Gateways allowing 5 requests at once per caller; `proxied` trusts loopback proxies. */
      let untrusting: INestApplication;
      let proxied: INestApplication;
      const limitedGateway = async (trustedProxies?: string) => {
        const app = await createApp(
          gatewayApp,
          loadConfig({
            ...process.env,
            ...env,
            GATEWAY_TRUSTED_PROXIES: trustedProxies,
            GATEWAY_RATE_LIMIT_BURST: '5',
            GATEWAY_RATE_LIMIT_PER_SECOND: '1',
          }),
        );
        return app.init();
      };
      beforeAll(async () => {
        untrusting = await limitedGateway();
        proxied = await limitedGateway('loopback');
      });
      afterAll(async () => {
        for (const app of [untrusting, proxied]) await app?.close();
      });

      /** Codes of `count` anonymous searches, each claiming to come from `forwardedFor(i)`. */
      async function codesFor(
        app: INestApplication,
        count: number,
        forwardedFor: (i: number) => string,
      ) {
        const codes: unknown[] = [];
        for (let i = 0; i < count; i++) {
          const response = await request(app.getHttpServer())
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('x-forwarded-for', forwardedFor(i))
            .send(body);
          codes.push(errorCode(response.body as GqlResponse));
        }
        return codes;
      }

      it('cannot dodge the rate limit by naming another address in X-Forwarded-For', async () => {
        const codes = await codesFor(untrusting, 12, (i) => `203.0.113.${i + 1}`);
        expect(codes).toContain('RATE_LIMITED');
      });

      it('are told apart by the address a trusted proxy forwards', async () => {
        expect(await codesFor(proxied, 12, () => '203.0.113.7')).toContain('RATE_LIMITED');
        const other = await codesFor(proxied, 3, () => '203.0.113.8');
        expect(other).toEqual([undefined, undefined, undefined]);
      });
    });
  });
});
