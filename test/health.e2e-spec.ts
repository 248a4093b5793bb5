import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { AppDefinition, createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { ensureElasticsearch, ServiceHandle } from '../scripts/services/elasticsearch';
import { ensurePostgres } from '../scripts/services/postgres';
import {
  isolatedTestConfig,
  isolatedTestEnv,
  removeTestEnv,
  TestEnv,
} from './support/test-environment';

async function boot(definition: AppDefinition, config: AppConfig): Promise<INestApplication> {
  const app = await createApp(definition, config);
  await app.init();
  return app;
}

describe.each([harvesterApp, gatewayApp])(
  '$name health against the shared services',
  (definition) => {
    let app: INestApplication;
    let env: TestEnv;

    beforeAll(async () => {
      env = await isolatedTestEnv(`health_${definition.name}`);
      app = await boot(definition, loadConfig({ ...process.env, ...env }));
    });
    afterAll(async () => {
      await app.close();
      await removeTestEnv(env);
    });

    it('is live', async () => {
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    });

    it('is ready when PostgreSQL and Elasticsearch answer', async () => {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body.details.database.status).toBe('up');
      expect(response.body.details.elasticsearch.status).toBe('up');
    });

    it('echoes a caller request id and makes one up otherwise', async () => {
      const echoed = await request(app.getHttpServer())
        .get('/health/live')
        .set('x-request-id', 'catalogue-42');
      expect(echoed.headers['x-request-id']).toBe('catalogue-42');
      const fresh = await request(app.getHttpServer()).get('/health/live');
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  },
);

describe('readiness when a service really stops', () => {
  // Dedicated instances on their own ports: stopping them cannot disturb the other test files.
  const esUrl = 'http://127.0.0.1:9259';
  const pgUrl = 'postgres://postgres:postgres@127.0.0.1:54339/health_stop';
  let elasticsearch: ServiceHandle;
  let postgres: ServiceHandle;
  let app: INestApplication;

  beforeAll(async () => {
    [elasticsearch, postgres] = await Promise.all([
      ensureElasticsearch({ url: esUrl, instance: 'e2e-health-stop', heapMb: 512 }),
      ensurePostgres({ url: pgUrl, instance: 'e2e-health-stop' }),
    ]);
    const config = await isolatedTestConfig('health_stop', {
      ELASTICSEARCH_URL: esUrl,
      DATABASE_URL: pgUrl,
    });
    app = await boot(harvesterApp, config);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all([elasticsearch?.stop(), postgres?.stop()]);
  });

  it('answers 200 while both run, then 503 naming Elasticsearch once it is stopped', async () => {
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    await elasticsearch.stop();

    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.body.error.elasticsearch.status).toBe('down');
    expect(response.body.error.elasticsearch.message).toMatch(/unreachable/);
    expect(response.body.details.database.status).toBe('up');
  });

  it('answers 503 naming the database once PostgreSQL is stopped', async () => {
    await postgres.stop();
    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(response.body.error.database.status).toBe('down');
  });
});
