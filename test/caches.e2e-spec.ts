import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { GqlResponse } from './support/graphql-client';
import { RECORDS, SampleCatalogue } from './support/sample-catalogue';
import type { TestEnv } from './support/test-environment';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('caches', { harvested: true, strict: true });
  const { keys } = sample;
  let env: TestEnv;
  let gateway: INestApplication;
  let strict: INestApplication;
  beforeAll(async () => {
    ({ env, gateway, strict } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

  describe('answers from memory', () => {
    /** A raw POST, so the test sees the bytes and headers a client gets. */
    function post(app: INestApplication, body: string, apiKey?: string) {
      const call = request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json');
      if (apiKey) call.set('x-api-key', apiKey);
      return call.send(body);
    }
    const search = (q: string) => JSON.stringify({ query: RECORDS, variables: { q, first: 3 } });

    it('answers a repeated anonymous search from memory, byte for byte', async () => {
      const body = search('văn hóa dân gian');
      const first = await post(gateway, body).expect(200);
      const second = await post(gateway, body).expect(200);
      expect(first.headers['x-cache']).toBeUndefined();
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.text).toBe(first.text);
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    });

    it('renews an answer in use before it is too old, one request going on to renew it', async () => {
      // 8 s in all: answers live 2 s and are renewed from 1.33 s on (cache-ages.ts).
      const quick = await createApp(
        gatewayApp,
        loadConfig({ ...process.env, ...env, GATEWAY_SEARCH_CACHE_SECONDS: '8' }),
      );
      await quick.init();
      try {
        const body = search('địa lý');
        await post(quick, body).expect(200);
        await pause(1600);
        const pair = await Promise.all([post(quick, body), post(quick, body)]);
        expect(pair.map((r) => r.headers['x-cache']).sort()).toEqual(['hit', undefined]);
        expect(pair[0].text).toBe(pair[1].text);
        expect((await post(quick, body)).headers['x-cache']).toBe('hit');
        await pause(2100);
        expect((await post(quick, body)).headers['x-cache']).toBeUndefined();
      } finally {
        await quick.close();
      }
    });

    it('never shares answers given to an API key, with errors, or outside the catalogue', async () => {
      // [body, API key, HTTP status]: a page too large is the client's error, a 400.
      const cases: [string, string | undefined, number][] = [
        [search('lịch sử'), keys.nlv, 200],
        [JSON.stringify({ query: RECORDS, variables: { q: 'huế', first: 500 } }), undefined, 400],
        [JSON.stringify({ query: '{ sources { id recordCount } }' }), undefined, 200],
      ];
      for (const [body, key, status] of cases) {
        await post(gateway, body, key).expect(status);
        const again = await post(gateway, body, key).expect(status);
        expect(again.headers['x-cache']).toBeUndefined();
      }
    });

    it('still applies the rate limit to answers from memory', async () => {
      // Within the strict gateway's complexity limit, so its answer may be kept.
      const body = JSON.stringify({
        query: '{ searchRecords(query: "kinh tế", first: 1) { totalCount } }',
      });
      const codes: unknown[] = [];
      let hits = 0;
      for (let i = 0; i < 12; i++) {
        const response = await post(strict, body);
        if (response.headers['x-cache'] === 'hit') hits++;
        codes.push((response.body as GqlResponse).errors?.[0]?.extensions?.code);
      }
      expect(hits).toBeGreaterThan(0);
      expect(codes).toContain('RATE_LIMITED');
    });

    it('gzips answers for clients that take it, from memory too, and only for them', async () => {
      const body = JSON.stringify({ query: RECORDS, variables: { q: 'Việt Nam', first: 10 } });
      const as = (encoding: string) =>
        request(gateway.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('accept-encoding', encoding)
          .send(body)
          .expect(200);
      const first = await as('gzip, deflate, br');
      const replayed = await as('gzip');
      const plain = await as('identity');
      expect(first.headers['content-encoding']).toBe('gzip');
      expect(replayed.headers['x-cache']).toBe('hit');
      expect(replayed.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['x-cache']).toBe('hit');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Number(plain.headers['content-length'])).toBeGreaterThan(1024);
      // The client unpacks gzip: all three carry the same answer.
      expect(replayed.text).toBe(plain.text);
      expect(first.text).toBe(plain.text);
    });

    it('gzips what Express answers too, such as the explorer and API-key answers', async () => {
      const page = await request(gateway.getHttpServer()).get('/explorer').expect(200);
      const script = page.text.match(/src="([^"]+\.js)"/)![1];
      const asset = await request(gateway.getHttpServer())
        .get(script)
        .set('accept-encoding', 'gzip')
        .expect(200);
      expect(asset.headers['content-encoding']).toBe('gzip');
      const tenRecords = JSON.stringify({
        query: RECORDS,
        variables: { q: 'Việt Nam', first: 10 },
      });
      const keyed = await post(gateway, tenRecords, keys.staff)
        .set('accept-encoding', 'gzip')
        .expect(200);
      expect(keyed.headers['x-cache']).toBeUndefined();
      expect(keyed.headers['content-encoding']).toBe('gzip');
    });

    it('refuses a body that is not JSON, saying what to send', async () => {
      const response = await post(gateway, '{"query": "{ search { totalCount } ').expect(400);
      expect(response.body.message).toMatch(/not valid JSON.*send an object such as/);
    });
  });

  describe('metrics', () => {
    const scrape = (apiKey?: string) => {
      const call = request(gateway.getHttpServer()).get('/metrics');
      return apiKey ? call.set('authorization', `Bearer ${apiKey}`) : call;
    };
    const valueOf = (text: string, series: string) =>
      Number(
        text
          .split('\n')
          .find((line) => line.startsWith(`${series} `))
          ?.split(' ')[1],
      );

    it('shows staff how searches were answered', async () => {
      const before = valueOf(
        (await scrape(keys.staff).expect(200)).text,
        'hopluu_gateway_answers_from_memory_total',
      );
      const body = { query: '{ searchRecords(query: "dân ca quan họ", first: 1) { totalCount } }' };
      for (let i = 0; i < 3; i++)
        await request(gateway.getHttpServer()).post('/graphql').send(body);
      const text = (await scrape(keys.staff).expect(200)).text;
      expect(valueOf(text, 'hopluu_gateway_answers_from_memory_total')).toBe(before + 2);
      expect(text).toMatch(/hopluu_gateway_search_results_total\{source="elasticsearch"\} [1-9]/);
      expect(text).toMatch(
        /hopluu_gateway_elasticsearch_search_seconds_count\{view="records"\} [1-9]/,
      );
    });

    it('are refused to anyone but staff, saying what to send', async () => {
      const anonymous = await scrape().expect(403);
      expect(anonymous.body.message).toMatch(/staff API key/);
      await scrape(keys.hcm).expect(403);
      const unknown = await scrape('hl_not-a-key').expect(401);
      expect(unknown.body.message).toMatch(/API key is not valid/);
    });
  });
});
