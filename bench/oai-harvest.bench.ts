/**
 * OAI-PMH harvest benchmark: `npm run bench:oai`.
 *
 * Harvests 30,000 oai_dc records with ListRecords from the test provider on
 * loopback (running in its own process), at page sizes 100, 500 and 5,000.
 * Each harvester runs in a fresh process, ours compiled to plain JavaScript, so
 * peak RSS is its own (no ts-node/TypeScript in memory). Peers on the same
 * pages: real Sickle (PyPI; installed into .cache/bench-sickle on first run),
 * xml2js (whole page into an object tree) and raw saxes tokenisation.
 *
 * Our client runs with HARVESTER_NODE_FLAGS, the flags the harvester is started
 * with in production (docker/harvester.Dockerfile): see bench/README.md for why.
 *
 * Environment: BENCH_RECORDS (default 30000), BENCH_RUNS (default 1; the
 * best run per row is shown).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sicklePython } from './sickle-venv';

interface Result {
  records: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  skipped?: string;
}

const ROOT = resolve(__dirname, '..');
const RECORDS = Number(process.env.BENCH_RECORDS ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const PAGE_SIZES = [100, 500, 5000];
const MIN_RATE = 20_000;
const MAX_RSS_MB = 200;
/** Issue 12: at least this many times Sickle's records/s, at every page size. */
const MIN_SPEEDUP = 1.8;
/** Issue 12: no more peak RSS than Sickle at this page size. */
const RSS_PAGE_SIZE = 5000;
const OURS = '@hop-luu/oai-pmh OaiPmhClient';
/**
 * V8's young generation grows to 2 × 16 MiB semi-spaces under a harvest's allocation rate
 * while less than 2 MiB of it is live; 4 MiB semi-spaces keep the same CPU time. The
 * harvester's Dockerfile starts it with the same flag.
 */
const HARVESTER_NODE_FLAGS = ['--max-semi-space-size=4'];
const SICKLE = 'Sickle 0.7.0, Python + lxml (peer)';

/**
 * Compiles the workers to plain JavaScript. libs/oai-pmh imports @hop-luu/xml: tsc
 * resolves it by the `paths` below, and node by a one-line package per compiled library
 * in the output's node_modules (see `linkLibraries`). The options are tsc's defaults for
 * Node, not the app tsconfig's.
 */
function compile(): string {
  const out = mkdtempSync(join(tmpdir(), 'hopluu-bench-oai-'));
  const config = join(out, 'tsconfig.bench.json');
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        outDir: out,
        rootDir: ROOT,
        module: 'commonjs',
        target: 'ES2023',
        moduleResolution: 'node10',
        esModuleInterop: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
        ignoreDeprecations: '6.0',
        baseUrl: ROOT,
        paths: { '@hop-luu/*': ['libs/*/src'] },
      },
      files: ['bench/oai-provider-process.ts', 'bench/oai-harvest-worker.ts'].map((f) =>
        join(ROOT, f),
      ),
    }),
  );
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  execFileSync(bin('tsc'), ['-p', config], { stdio: 'inherit' });
  linkLibraries(out);
  return out;
}

/** `@hop-luu/<name>` → the compiled libs/<name>/src, for node's module resolution. */
function linkLibraries(out: string): void {
  for (const name of readdirSync(join(out, 'libs'))) {
    const dir = join(out, 'node_modules', '@hop-luu', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.js'),
      `module.exports = require('../../../libs/${name}/src');\n`,
    );
  }
}

const nodeEnv = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };

async function startProvider(out: string): Promise<{ origin: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [join(out, 'bench/oai-provider-process.js'), String(RECORDS), PAGE_SIZES.join(',')],
    {
      env: nodeEnv,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const origin = await new Promise<string>((resolveOrigin, reject) => {
    child.stdout.once('data', (line: Buffer) =>
      resolveOrigin((JSON.parse(line.toString()) as { origin: string }).origin),
    );
    child.once('exit', (code) => reject(new Error(`provider exited with ${code}`)));
  });
  return { origin, stop: () => child.kill('SIGTERM') };
}

function runWorker(out: string, method: string, baseUrl: string, flags: string[] = []): Result {
  const run = spawnSync(
    process.execPath,
    [...flags, join(out, 'bench/oai-harvest-worker.js'), method, baseUrl],
    {
      env: nodeEnv,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`${method} worker failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as Result;
}

function runSickle(python: ReturnType<typeof sicklePython>, baseUrl: string): Result {
  const skipped = (why: string) => ({
    records: 0,
    seconds: 0,
    cpuSeconds: 0,
    peakRssMb: 0,
    skipped: why,
  });
  if ('skipped' in python) return skipped(python.skipped);
  const run = spawnSync(python.python, [join(ROOT, 'bench/oai-sickle.py'), baseUrl], {
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0)
    return skipped(`Sickle failed: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout.trim()) as Result;
}

function best(runs: Result[]): Result {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function row(cells: (string | number)[]): string {
  const widths = [9, 36, 8, 8, 10, 7, 11, 12];
  return cells
    .map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
    .join(' ');
}

/** The targets our client must meet on one page size, as messages for those it misses. */
function missedTargets(size: number, results: Map<string, Result>): string[] {
  const ours = results.get(OURS)!;
  const sickle = results.get(SICKLE);
  const rate = ours.records / ours.seconds;
  const missed: string[] = [];
  if (ours.records !== RECORDS)
    missed.push(`page size ${size}: client got ${ours.records} records, expected ${RECORDS}`);
  if (rate < MIN_RATE)
    missed.push(`page size ${size}: ${Math.round(rate)} records/s is under ${MIN_RATE}/s`);
  if (ours.peakRssMb >= MAX_RSS_MB)
    missed.push(
      `page size ${size}: peak RSS ${ours.peakRssMb.toFixed(1)} MB is over ${MAX_RSS_MB} MB`,
    );
  if (!sickle || sickle.skipped) return missed;
  const speedup = rate / (sickle.records / sickle.seconds);
  if (speedup < MIN_SPEEDUP)
    missed.push(
      `page size ${size}: ${speedup.toFixed(2)}× Sickle's records/s, under ${MIN_SPEEDUP}×`,
    );
  if (size === RSS_PAGE_SIZE && ours.peakRssMb > sickle.peakRssMb)
    missed.push(
      `page size ${size}: peak RSS ${ours.peakRssMb.toFixed(1)} MB, Sickle ${sickle.peakRssMb.toFixed(1)} MB`,
    );
  return missed;
}

function printResult(size: number, name: string, result: Result): void {
  if (result.skipped) {
    console.log(row([size, name, '-', '-', 'skipped', '-', '-', '-']) + `  (${result.skipped})`);
    return;
  }
  console.log(
    row([
      size,
      name,
      result.records,
      result.seconds.toFixed(2),
      Math.round(result.records / result.seconds),
      result.cpuSeconds.toFixed(2),
      Math.round(result.records / result.cpuSeconds),
      result.peakRssMb.toFixed(1),
    ]),
  );
}

async function main(): Promise<void> {
  const python = sicklePython(ROOT);
  console.log(`Compiling bench workers to plain JavaScript…`);
  const out = compile();
  const provider = await startProvider(out);
  const failures: string[] = [];
  try {
    console.log(
      `Provider (separate process) at ${provider.origin}; ${RECORDS} oai_dc records per list; warming its page cache…`,
    );
    for (const size of PAGE_SIZES) runWorker(out, 'saxes', `${provider.origin}/oai/p${size}`);
    console.log(
      `\nNode ${process.version}, ${RUNS} run(s) per row (best shown), each harvester in a fresh process; ` +
        `ours with ${HARVESTER_NODE_FLAGS.join(' ')}\n`,
    );
    console.log(
      row([
        'page size',
        'harvester',
        'records',
        'seconds',
        'records/s',
        'CPU s',
        'rec/CPU s',
        'peak RSS MB',
      ]),
    );
    console.log('-'.repeat(108));
    for (const size of PAGE_SIZES) {
      const baseUrl = `${provider.origin}/oai/p${size}`;
      const rows: [string, () => Result][] = [
        [OURS, () => runWorker(out, 'client', baseUrl, HARVESTER_NODE_FLAGS)],
        [SICKLE, () => runSickle(python, baseUrl)],
        ['raw saxes tokenisation (peer)', () => runWorker(out, 'saxes', baseUrl)],
        ['xml2js parseString (peer)', () => runWorker(out, 'xml2js', baseUrl)],
      ];
      const results = new Map<string, Result>();
      for (const [name, measure] of rows) {
        results.set(name, best(Array.from({ length: RUNS }, measure)));
        printResult(size, name, results.get(name)!);
      }
      failures.push(...missedTargets(size, results));
    }
  } finally {
    provider.stop();
    rmSync(out, { recursive: true, force: true });
  }
  console.log(
    failures.length
      ? `\nTARGETS MISSED:\n- ${failures.join('\n- ')}`
      : `\nTargets met at every page size: >= ${MIN_RATE} records/s, peak RSS < ${MAX_RSS_MB} MB, ` +
          `>= ${MIN_SPEEDUP}× Sickle's records/s, and no more peak RSS than Sickle at ${RSS_PAGE_SIZE}.`,
  );
  process.exitCode = failures.length ? 1 : 0;
}

void main();
