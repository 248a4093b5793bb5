import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { createDatabaseIfMissing } from '../../scripts/services/postgres';

/**
 * A config for one e2e test file: its own PostgreSQL database and its own Elasticsearch
 * index prefix on the shared services, so files never see each other's data.
 */
export async function isolatedTestConfig(
  fileTag: string,
  overrides: Record<string, string> = {},
): Promise<AppConfig> {
  const base = loadConfig();
  const suffix = randomBytes(3).toString('hex');
  const name = `e2e_${fileTag}_${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const databaseUrl = new URL(base.databaseUrl);
  databaseUrl.pathname = `/${name}`;
  await createDatabaseIfMissing(databaseUrl.toString(), name);
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl.toString(),
    ELASTICSEARCH_INDEX_PREFIX: name.replace(/_/g, '-'),
    HARVESTER_PORT: '0',
    GATEWAY_PORT: '0',
    ...overrides,
  });
}
