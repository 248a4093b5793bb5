import { spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { findJdkForElasticsearch } from './jdk';
import { CACHE_DIR } from './paths';
import { ensureServiceUser, execFileAsync, isPidAlive, waitUntil } from './process-tools';
import { ELASTICSEARCH_ARTIFACT, ELASTICSEARCH_VERSION } from './versions';

const ES_CACHE = join(CACHE_DIR, 'elasticsearch');
const ZIP = join(ES_CACHE, `elasticsearch-${ELASTICSEARCH_VERSION}.zip`);
const HOME = join(ES_CACHE, `elasticsearch-${ELASTICSEARCH_VERSION}`);

export interface ServiceHandle {
  readonly url: string;
  /** True when this process started the service (and so should stop it). */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

export async function isElasticsearchUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/_cluster/health', url), {
      signal: AbortSignal.timeout(2000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: string };
    return body.status === 'green' || body.status === 'yellow';
  } catch {
    return false;
  }
}

/** Fetches the pinned distribution through Maven (cached in ~/.m2 and .cache) and unpacks it once. */
async function installDistribution(log: (line: string) => void): Promise<void> {
  if (existsSync(join(HOME, 'bin', 'elasticsearch'))) return;
  mkdirSync(ES_CACHE, { recursive: true });
  if (!existsSync(ZIP)) {
    log(
      `downloading Elasticsearch ${ELASTICSEARCH_VERSION} through Maven (${ELASTICSEARCH_ARTIFACT})`,
    );
    await execFileAsync(
      'mvn',
      [
        '-q',
        '-B',
        'dependency:copy',
        `-Dartifact=${ELASTICSEARCH_ARTIFACT}`,
        `-DoutputDirectory=${ES_CACHE}`,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  }
  log('unpacking Elasticsearch');
  rmSync(HOME, { recursive: true, force: true });
  await unzip(ZIP, ES_CACHE);
}

/** unzip keeps the executable bits; the JDK's jar is the fallback, and then bin/ needs them back. */
async function unzip(zip: string, into: string): Promise<void> {
  try {
    await execFileAsync('unzip', ['-q', '-o', zip, '-d', into]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await execFileAsync(join(findJdkForElasticsearch(), 'bin', 'jar'), ['xf', zip], { cwd: into });
    await execFileAsync('chmod', ['-R', 'a+x', join(HOME, 'bin')]);
  }
}

function chownTree(path: string, owner: { uid: number; gid: number }): void {
  chownSync(path, owner.uid, owner.gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), owner);
}

function tailOf(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

export interface ElasticsearchOptions {
  readonly url: string;
  /** Data and logs live under .cache/elasticsearch/<instance>; separate instances never share data. */
  readonly instance?: string;
  readonly heapMb?: number;
  readonly log?: (line: string) => void;
}

/**
 * Makes sure a single-node Elasticsearch answers at `url` (127.0.0.1 only): reuses one that
 * already does, else installs and starts one as a non-root user with security off.
 */
export async function ensureElasticsearch(options: ElasticsearchOptions): Promise<ServiceHandle> {
  const log = options.log ?? (() => undefined);
  if (await isElasticsearchUp(options.url)) {
    return { url: options.url, startedHere: false, stop: async () => undefined };
  }
  const port = Number(new URL(options.url).port || 9200);
  await installDistribution(log);
  const instanceDir = join(ES_CACHE, options.instance ?? `node-${port}`);
  for (const dir of ['data', 'logs', 'tmp']) mkdirSync(join(instanceDir, dir), { recursive: true });
  const owner = await ensureServiceUser();
  if (owner) {
    chownTree(HOME, owner);
    chownTree(instanceDir, owner);
  }
  const stdout = join(instanceDir, 'logs', 'stdout.log');
  const heap = options.heapMb ?? 1024;
  log(`starting Elasticsearch ${ELASTICSEARCH_VERSION} on 127.0.0.1:${port}`);
  const child = spawn(
    join(HOME, 'bin', 'elasticsearch'),
    [
      '-Ediscovery.type=single-node',
      '-Expack.security.enabled=false',
      '-Enetwork.host=127.0.0.1',
      `-Ehttp.port=${port}`,
      `-Epath.data=${join(instanceDir, 'data')}`,
      `-Epath.logs=${join(instanceDir, 'logs')}`,
      // A nearly full developer disk must not turn the test indices read-only.
      '-Ecluster.routing.allocation.disk.threshold_enabled=false',
    ],
    {
      detached: true,
      stdio: ['ignore', openSync(stdout, 'a'), openSync(stdout, 'a')],
      uid: owner?.uid,
      gid: owner?.gid,
      env: {
        ...process.env,
        ES_JAVA_HOME: findJdkForElasticsearch(),
        ES_JAVA_OPTS: `-Xms${heap}m -Xmx${heap}m`,
        ES_TMPDIR: join(instanceDir, 'tmp'),
      },
    },
  );
  const pid = child.pid!;
  child.unref();
  const stop = async () => {
    if (!isPidAlive(pid)) return;
    process.kill(-pid, 'SIGTERM');
    await waitUntil('Elasticsearch shutdown', async () => !isPidAlive(pid), 60_000).catch(() =>
      process.kill(-pid, 'SIGKILL'),
    );
  };
  try {
    await waitUntil(
      'Elasticsearch',
      () => isElasticsearchUp(options.url),
      180_000,
      () => isPidAlive(pid),
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; last lines of ${stdout}:\n${tailOf(stdout, 30)}`);
  }
  return { url: options.url, startedHere: true, stop };
}
