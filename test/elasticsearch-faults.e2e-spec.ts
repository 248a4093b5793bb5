import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import request from 'supertest';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { eventually } from './support/eventually';
import { errorCode, gql } from './support/graphql-client';
import { SampleCatalogue } from './support/sample-catalogue';
import { SlowProxy, startSlowProxy } from './support/slow-proxy';
import type { TestEnv } from './support/test-environment';

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('elasticsearch_faults', { harvested: true });
  const { keys } = sample;
  let env: TestEnv;
  beforeAll(async () => {
    ({ env } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

  describe('while Elasticsearch is not answering', () => {
    /** A gateway on the real database whose Elasticsearch address has nothing listening. */
    let blind: INestApplication;
    beforeAll(async () => {
      const port = await closedPort();
      blind = await createApp(
        gatewayApp,
        loadConfig({ ...process.env, ...env, ELASTICSEARCH_URL: `http://127.0.0.1:${port}` }),
      );
      await blind.init();
    });
    afterAll(async () => {
      await blind?.close();
    });

    it('answers searches with SEARCH_UNAVAILABLE and what to do, not an internal error', async () => {
      const result = await gql(blind, `{ search(query: "gốm") { totalCount } }`);
      expect(errorCode(result)).toBe('SEARCH_UNAVAILABLE');
      expect(result.errors![0].message).toMatch(/not answering.*try again/);
    });

    it('still lists sources and their runs, their record counts null with the reason', async () => {
      const result = await gql<{ sources: { id: string; recordCount: number | null }[] }>(
        blind,
        `{ sources { id recordCount health lastRun { status } } }`,
        {},
        keys.staff,
      );
      expect(result.data!.sources.map((s) => s.id).sort()).toEqual(['hcm', 'nlv']);
      expect(result.data!.sources.every((s) => s.recordCount === null)).toBe(true);
      expect(result.errors!.map((e) => e.extensions?.code)).toEqual([
        'SEARCH_UNAVAILABLE',
        'SEARCH_UNAVAILABLE',
      ]);
      const runs = await gql<{ harvestRuns: { runs: { status: string }[] } }>(
        blind,
        `{ harvestRuns(first: 5) { runs { status } } }`,
        {},
        keys.staff,
      );
      expect(runs.errors).toBeUndefined();
      expect(runs.data!.harvestRuns.runs.length).toBeGreaterThan(0);
    });

    it('says it is not ready, naming Elasticsearch', async () => {
      const ready = await request(blind.getHttpServer()).get('/health/ready').expect(503);
      expect(ready.body.error.elasticsearch.message).toMatch(/unreachable.*ELASTICSEARCH_URL/);
    });
  });

  describe('when a client gives up on a search', () => {
    /** A gateway whose Elasticsearch answers take 1.5 s to come back. */
    let slow: SlowProxy;
    let patient: INestApplication;
    beforeAll(async () => {
      slow = await startSlowProxy(loadConfig({ ...process.env, ...env }).elasticsearch.url, 1500);
      patient = await createApp(
        gatewayApp,
        loadConfig({ ...process.env, ...env, ELASTICSEARCH_URL: slow.url }),
      );
      await patient.init();
    }, 30_000);
    afterAll(async () => {
      await patient?.close();
      await slow?.close();
    });

    it('waits for a slow Elasticsearch while the client waits', async () => {
      const result = await gql(patient, `{ searchRecords(query: "gốm", first: 1) { totalCount } }`);
      expect(result.data!.searchRecords.totalCount).toBeGreaterThan(0);
      expect(slow.abandoned()).toBe(0);
    });

    it('stops the Elasticsearch search once the client has gone', async () => {
      const given = request(patient.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .timeout(300)
        .send({ query: `{ search(query: "lịch sử", first: 1) { totalCount } }` });
      await expect(given).rejects.toThrow(/Timeout/);
      // The proxy sees the gateway close its connection with the answer still on the way.
      expect(await eventually(async () => slow.abandoned(), 1, 1000)).toBe(1);
    });
  });
});

/** A loopback port nothing listens on: bound once to pick it, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
