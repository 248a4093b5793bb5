/**
 * OAI-PMH harvest benchmark: `npm run bench:oai`.
 *
 * Harvests 100,000 oai_dc records with ListRecords from the test provider on
 * loopback (running in its own process), at page sizes 100 and 5,000. Each
 * harvester runs in a fresh process compiled to plain JavaScript, so peak RSS
 * is its own (no ts-node/TypeScript in memory). Peers on the same pages:
 * xml2js (whole page into an object tree) and raw saxes tokenisation, plus a
 * Sickle-style Python + lxml loop when lxml is installed.
 *
 * Environment: BENCH_RECORDS (default 100000), BENCH_RUNS (default 1; the
 * best run per row is shown).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Result {
  records: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  skipped?: string;
}

const ROOT = resolve(__dirname, '..');
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const PAGE_SIZES = [100, 5000];
const MIN_RATE = 20_000;
const MAX_RSS_MB = 200;

function compile(): string {
  const out = mkdtempSync(join(tmpdir(), 'hopluu-bench-oai-'));
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  const entries = ['bench/oai-provider-process.ts', 'bench/oai-harvest-worker.ts'].map((f) =>
    join(ROOT, f),
  );
  execFileSync(
    tsc,
    [
      ...entries,
      '--outDir',
      out,
      '--rootDir',
      ROOT,
      '--module',
      'commonjs',
      '--target',
      'ES2023',
      '--moduleResolution',
      'node10',
      '--esModuleInterop',
      '--skipLibCheck',
      '--types',
      'node',
      '--ignoreDeprecations',
      '6.0',
      '--ignoreConfig',
    ],
    { stdio: 'inherit' },
  );
  return out;
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

function runWorker(out: string, method: string, baseUrl: string): Result {
  const run = spawnSync(
    process.execPath,
    [join(out, 'bench/oai-harvest-worker.js'), method, baseUrl],
    {
      env: nodeEnv,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`${method} worker failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as Result;
}

function runPython(baseUrl: string): Result {
  const run = spawnSync('python3', [join(ROOT, 'bench/oai-sickle-style.py'), baseUrl], {
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) {
    return {
      records: 0,
      seconds: 0,
      cpuSeconds: 0,
      peakRssMb: 0,
      skipped: `python3 failed: ${run.error?.message ?? run.stderr}`,
    };
  }
  return JSON.parse(run.stdout.trim()) as Result;
}

function best(runs: Result[]): Result {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function row(cells: (string | number)[]): string {
  const widths = [9, 34, 9, 8, 12, 7, 13];
  return cells
    .map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
    .join(' ');
}

async function main(): Promise<void> {
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
      `\nNode ${process.version}, ${RUNS} run(s) per row (best shown), each harvester in a fresh process\n`,
    );
    console.log(
      row(['page size', 'harvester', 'records', 'seconds', 'records/s', 'CPU s', 'peak RSS MB']),
    );
    console.log('-'.repeat(98));
    for (const size of PAGE_SIZES) {
      const baseUrl = `${provider.origin}/oai/p${size}`;
      const rows: [string, () => Result][] = [
        ['@hop-luu/oai-pmh OaiPmhClient', () => runWorker(out, 'client', baseUrl)],
        ['raw saxes tokenisation (peer)', () => runWorker(out, 'saxes', baseUrl)],
        ['xml2js parseString (peer)', () => runWorker(out, 'xml2js', baseUrl)],
        ['Sickle-style Python + lxml (peer)', () => runPython(baseUrl)],
      ];
      for (const [name, measure] of rows) {
        const result = best(Array.from({ length: RUNS }, measure));
        if (result.skipped) {
          console.log(row([size, name, '-', '-', 'skipped', '-', '-']) + `  (${result.skipped})`);
          continue;
        }
        const rate = Math.round(result.records / result.seconds);
        console.log(
          row([
            size,
            name,
            result.records,
            result.seconds.toFixed(2),
            rate,
            result.cpuSeconds.toFixed(2),
            result.peakRssMb.toFixed(1),
          ]),
        );
        if (name.startsWith('@hop-luu')) {
          if (result.records !== RECORDS)
            failures.push(
              `page size ${size}: client got ${result.records} records, expected ${RECORDS}`,
            );
          if (rate < MIN_RATE)
            failures.push(`page size ${size}: ${rate} records/s is under the ${MIN_RATE}/s target`);
          if (result.peakRssMb >= MAX_RSS_MB)
            failures.push(
              `page size ${size}: peak RSS ${result.peakRssMb.toFixed(1)} MB is over ${MAX_RSS_MB} MB`,
            );
        }
      }
    }
  } finally {
    provider.stop();
    rmSync(out, { recursive: true, force: true });
  }
  console.log(
    failures.length
      ? `\nTARGETS MISSED:\n- ${failures.join('\n- ')}`
      : `\nTargets met: >= ${MIN_RATE} records/s and peak RSS < ${MAX_RSS_MB} MB at both page sizes.`,
  );
  process.exitCode = failures.length ? 1 : 0;
}

void main();
