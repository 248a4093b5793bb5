/**
 * Runs the compiled gateway in a child process, so the load generator never shares its event
 * loop or its CPU accounting. It is compiled into a private folder (.cache/bench-search/dist)
 * instead of dist/, which `npm run demo` and other engineers use.
 */
import { randomBytes } from 'node:crypto';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createReadStream, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..');
const OUT_DIR = join(ROOT, '.cache', 'bench-search', 'dist');
const MAIN = join(OUT_DIR, 'apps', 'gateway', 'src', 'main.js');
/** The gateway logs as in production (JSON lines, info): to a file, not over the bench's table. */
export const GATEWAY_LOG = join(ROOT, '.cache', 'bench-search', 'gateway.log');

export interface GatewayChild {
  readonly url: string;
  readonly pid: number;
  /** User + system CPU seconds the child has used so far (from /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** tsc + tsc-alias as `npm run build` does, into OUT_DIR. */
export function compileGateway(log: (line: string) => void): void {
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  log(`compiling the apps into ${OUT_DIR}`);
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', OUT_DIR], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', OUT_DIR], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function cpuSecondsOf(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat are utime and stime in clock ticks (100 per second).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited with code ${child.exitCode}`);
    const status = await fetch(`${url}/health/ready`)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gateway not ready at ${url}/health/ready after ${timeoutMs} ms`);
}

/**
 * Starts the compiled gateway. `cpuProfileDir` makes it write a V8 CPU profile there when it
 * stops (open it in Chrome DevTools or speedscope).
 */
export async function startGateway(
  env: Record<string, string>,
  cpuProfileDir?: string,
): Promise<GatewayChild> {
  const port = await freePort();
  mkdirSync(join(ROOT, '.cache', 'bench-search'), { recursive: true });
  const logFd = openSync(GATEWAY_LOG, 'w');
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profile, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Production mode refuses the development session key; the bench never signs anyone in.
      CONSOLE_SESSION_SECRET: randomBytes(32).toString('hex'),
      ...env,
      GATEWAY_PORT: String(port),
      BIND_ADDRESS: '127.0.0.1',
    },
    stdio: ['ignore', logFd, logFd],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, 60_000);
  return {
    url,
    pid: child.pid!,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Where the gateway's log ends now: pass it to answersLoggedSince after a run. */
export const gatewayLogEnd = (): number => statSync(GATEWAY_LOG).size;

/** Requests the gateway's access log shows answered since byte `start`, and how many from memory. */
export async function answersLoggedSince(
  start: number,
): Promise<{ answered: number; fromMemory: number }> {
  const counts = { answered: 0, fromMemory: 0 };
  const lines = createInterface({ input: createReadStream(GATEWAY_LOG, { start }) });
  for await (const line of lines) {
    if (!line.includes('"msg":"request completed"')) continue;
    counts.answered++;
    if (line.includes('"cache":"hit"')) counts.fromMemory++;
  }
  return counts;
}
