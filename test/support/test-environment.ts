import { randomBytes } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { Client as PgClient } from 'pg';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { createDatabaseIfMissing } from '../../scripts/services/postgres';

export type TestEnv = Record<string, string>;

/**
 * Environment for one e2e test file: its own PostgreSQL database and its own Elasticsearch
 * index prefix on the shared services, so files never see each other's data. Child processes
 * started with this env share that isolation.
 */
export async function isolatedTestEnv(fileTag: string, overrides: TestEnv = {}): Promise<TestEnv> {
  const base = loadConfig();
  const name = `e2e_${fileTag}_${randomBytes(3).toString('hex')}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const databaseUrl = new URL(overrides.DATABASE_URL ?? base.databaseUrl);
  databaseUrl.pathname = `/${name}`;
  await createDatabaseIfMissing(databaseUrl.toString(), name);
  const env: TestEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ELASTICSEARCH_INDEX_PREFIX: name.replace(/_/g, '-'),
    HARVESTER_PORT: '0',
    GATEWAY_PORT: '0',
    SCHEDULER_ENABLED: 'false',
    HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true',
    HARVEST_POLITENESS_DELAY_MS: '0',
    HARVEST_RETRY_BASE_DELAY_MS: '20',
    ...overrides,
  };
  env.DATABASE_URL = databaseUrl.toString();
  return env;
}

export async function isolatedTestConfig(
  fileTag: string,
  overrides: TestEnv = {},
): Promise<AppConfig> {
  return loadConfig({ ...process.env, ...(await isolatedTestEnv(fileTag, overrides)) });
}

/**
 * Removes what isolatedTestEnv made: the file's indices and its database (connections that
 * are still open are closed by FORCE), so the shared services do not grow run after run.
 */
export async function removeTestEnv(env: TestEnv): Promise<void> {
  const config = loadConfig({ ...process.env, ...env });
  const elasticsearch = new Client({ node: config.elasticsearch.url });
  const indices = await elasticsearch.indices.get({
    index: `${config.elasticsearch.indexPrefix}-*`,
  });
  const names = Object.keys(indices);
  if (names.length > 0) await elasticsearch.indices.delete({ index: names });
  await elasticsearch.close();
  const database = new URL(config.databaseUrl);
  const name = database.pathname.slice(1);
  database.pathname = '/postgres';
  const admin = new PgClient({ connectionString: database.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
