/**
 * `npm run bench:console`: the console's first-load size and its time to interactive on the
 * demo data, measured in the real Chromium the browser tests drive.
 *
 * 1. Starts the demo system (scripts/demo-system.ts) on ports of its own, on a database
 *    (bench_console) and index prefix (bench-console) of its own, mail off, no schedules:
 *    the five demo libraries harvested, one of them failing.
 * 2. Signs the demo's staff person in, then loads /console/ BENCH_CONSOLE_RUNS times (5), each
 *    in a fresh browser context: empty cache, the session cookie only.
 * 3. First-load size: every JavaScript and CSS file the page actually loaded from the gateway
 *    (Resource Timing), as sent (encodedBodySize: gzip when the gateway compressed it),
 *    uncompressed, and gzipped here with zlib's default level, so the figure does not depend
 *    on the gateway's compression settings.
 * 4. Time to interactive, from navigation start (performance.timeOrigin): the later of
 *    - "data rendered": the overview shows the health of every demo source (the
 *      `health-<sourceId>` tags of the contract), i.e. the GraphQL answers are on screen; and
 *    - the end of the last long task (> 50 ms on the main thread, Long Tasks API) before a
 *      quiet window of BENCH_CONSOLE_QUIET_MS (2,000) with no long task;
 *    like Lighthouse's TTI, with "data rendered" in place of first contentful paint and a
 *    shorter quiet window, network activity not counted.
 * Prints each run and the medians. CPU is whatever the machine has: no throttling.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { BrowserContext } from 'playwright-core';
import { loadConfig } from '@hop-luu/config';
import { DEMO_FAILING_LIBRARY, DEMO_LIBRARIES } from '../scripts/demo-feed';
import { DEMO_STAFF, startDemoSystem } from '../scripts/demo-system';
import { startLocalServices } from '../scripts/services/local-services';
import { createDatabaseIfMissing } from '../scripts/services/postgres';
import { startBrowser } from '../test/support/browser';

const env = process.env;
const RUNS = Number(env.BENCH_CONSOLE_RUNS ?? 5);
const QUIET_MS = Number(env.BENCH_CONSOLE_QUIET_MS ?? 2_000);
const PORTS = { gateway: 3210, harvester: 3211, provider: 8291 };
const SOURCE_IDS = [...DEMO_LIBRARIES, DEMO_FAILING_LIBRARY].map((l) => l.repository.name);

interface Asset {
  readonly path: string;
  readonly kind: 'js' | 'css';
  /** Bytes on the wire (encodedBodySize: compressed when the gateway compressed it). */
  readonly sent: number;
  readonly raw: number;
  /** gzip of the raw file, zlib's default level. */
  readonly gzip: number;
}

interface Measurement {
  readonly dataRenderedMs: number;
  readonly longTasks: number;
  readonly ttiMs: number;
  readonly assets: Asset[];
}

interface Probe {
  longTasks: [number, number][];
  dataAt: number | null;
}

function say(line: string): void {
  process.stderr.write(`[bench:console] ${line}\n`);
}

/**
 * The few browser globals the in-page functions below use. The project compiles for Node
 * (no DOM library), and these functions run in the page, not here: typed locally instead.
 */
interface PageGlobals {
  __probe: Probe;
  document: { querySelector(selector: string): unknown };
  location: { origin: string };
  performance: {
    now(): number;
    getEntriesByType(type: 'resource'): { name: string; encodedBodySize: number }[];
  };
  PerformanceObserver: new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
  ) => { observe(options: { type: 'longtask'; buffered: boolean }): void };
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { subtree: boolean; childList: boolean }): void;
  };
}

/** Runs in the page before any of its scripts: records long tasks and when the data shows. */
function installProbe(selectors: string[]): void {
  const page = globalThis as unknown as PageGlobals;
  const probe: Probe = { longTasks: [], dataAt: null };
  page.__probe = probe;
  new page.PerformanceObserver((list) => {
    for (const task of list.getEntries())
      probe.longTasks.push([task.startTime, task.startTime + task.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (probe.dataAt === null && selectors.every((s) => page.document.querySelector(s)))
      probe.dataAt = page.performance.now();
  };
  new page.MutationObserver(check).observe(page.document, { subtree: true, childList: true });
}

function readProbe(): { probe: Probe; now: number } {
  const page = globalThis as unknown as PageGlobals;
  return { probe: page.__probe, now: page.performance.now() };
}

function dataShown(): boolean {
  return (globalThis as unknown as PageGlobals).__probe.dataAt !== null;
}

/** The JavaScript and CSS files the page loaded from the gateway, per Resource Timing. */
function loadedFiles(): { url: string; sent: number }[] {
  const page = globalThis as unknown as PageGlobals;
  return page.performance
    .getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).origin === page.location.origin)
    .filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname))
    .map((entry) => ({ url: entry.name, sent: entry.encodedBodySize }));
}

async function sizes(context: BrowserContext, files: { url: string; sent: number }[]) {
  const assets: Asset[] = [];
  for (const file of files) {
    const answer = await context.request.get(file.url, {
      headers: { 'accept-encoding': 'identity' },
    });
    const body = await answer.body();
    const path = new URL(file.url).pathname;
    assets.push({
      path,
      kind: path.endsWith('.css') ? 'css' : 'js',
      sent: file.sent,
      raw: body.length,
      gzip: gzipSync(body).length,
    });
  }
  return assets;
}

async function signIn(context: BrowserContext, origin: string): Promise<void> {
  const me = await context.request.get(`${origin}/console/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const answer = await context.request.post(`${origin}/console/auth/sign-in`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { email: DEMO_STAFF.email, password: DEMO_STAFF.password },
  });
  if (!answer.ok()) throw new Error(`sign-in answered ${answer.status()}: ${await answer.text()}`);
}

/** One cold load of the overview: waits for the data, then for the quiet window. */
async function measureOnce(context: BrowserContext, origin: string): Promise<Measurement> {
  const page = await context.newPage();
  await page.addInitScript(
    installProbe,
    SOURCE_IDS.map((id) => `[data-testid="health-${id}"]`),
  );
  await page.goto(`${origin}/console/`);
  await page.waitForFunction(dataShown, undefined, { timeout: 60_000 });
  for (;;) {
    const { probe, now } = await page.evaluate(readProbe);
    const lastTaskEnd = Math.max(0, ...probe.longTasks.map(([, end]) => end));
    const ttiMs = Math.max(probe.dataAt!, lastTaskEnd);
    if (now - ttiMs >= QUIET_MS) {
      const assets = await sizes(context, await page.evaluate(loadedFiles));
      await page.close();
      return { dataRenderedMs: probe.dataAt!, longTasks: probe.longTasks.length, ttiMs, assets };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function total(assets: Asset[], kind: Asset['kind'], field: 'sent' | 'raw' | 'gzip'): number {
  return assets.filter((a) => a.kind === kind).reduce((sum, a) => sum + a[field], 0);
}

function report(runs: Measurement[]): void {
  const first = runs[0].assets;
  for (const asset of first)
    say(`  ${asset.path}: ${kib(asset.raw)} raw, ${kib(asset.gzip)} gzip, ${kib(asset.sent)} sent`);
  for (const kind of ['js', 'css'] as const)
    say(
      `first load ${kind}: ${first.filter((a) => a.kind === kind).length} files, ` +
        `${kib(total(first, kind, 'raw'))} raw, ${kib(total(first, kind, 'gzip'))} gzip, ` +
        `${kib(total(first, kind, 'sent'))} sent`,
    );
  runs.forEach((run, i) =>
    say(
      `run ${i + 1}: data rendered ${run.dataRenderedMs.toFixed(0)} ms, TTI ${run.ttiMs.toFixed(0)} ms (${run.longTasks} long tasks)`,
    ),
  );
  say(
    `median of ${runs.length}: data rendered ${median(runs.map((r) => r.dataRenderedMs)).toFixed(0)} ms, ` +
      `time to interactive ${median(runs.map((r) => r.ttiMs)).toFixed(0)} ms ` +
      `(quiet window ${QUIET_MS} ms; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
  );
}

async function main(): Promise<void> {
  const defaults = loadConfig({});
  const services = await startLocalServices(defaults, say);
  const database = new URL(defaults.databaseUrl);
  database.pathname = '/bench_console';
  await createDatabaseIfMissing(database.toString(), 'bench_console');
  const demo = await startDemoSystem({
    env: {
      DATABASE_URL: database.toString(),
      ELASTICSEARCH_INDEX_PREFIX: 'bench-console',
      GATEWAY_PORT: String(PORTS.gateway),
      HARVESTER_PORT: String(PORTS.harvester),
      HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true',
      HARVEST_POLITENESS_DELAY_MS: '0',
      SCHEDULER_ENABLED: 'false',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
    },
    providerPort: PORTS.provider,
    mailCatcher: null,
    say,
  });
  const browser = await startBrowser();
  try {
    const runs: Measurement[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.browser.newContext({ locale: 'vi-VN' });
      await signIn(context, demo.gatewayUrl);
      runs.push(await measureOnce(context, demo.gatewayUrl));
      await context.close();
    }
    report(runs);
  } finally {
    await browser.close();
    await demo.stop();
    await services.stop();
  }
}

void main().catch((error: Error) => {
  say(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
