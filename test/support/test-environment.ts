import { randomBytes } from 'node:crypto';
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
