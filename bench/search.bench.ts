/**
 * `npm run bench:search`: GraphQL search latency over a 1,000,000-record union catalogue.
 *
 * 1. PostgreSQL + Elasticsearch via startLocalServices (reused when running); a dedicated
 *    database (bench_search) and index prefix (bench-search).
 * 2. Builds the catalogue index unless the alias already holds BENCH_SEARCH_RECORDS docs, then
 *    the works index from it (one document per work, as a reindex builds it).
 * 3. Compiles the gateway and runs it in a child process (production logging, to a file).
 * 4. autocannon, 50 connections: `search` (works) then `searchRecords`, three facets each,
 *    rotating realistic queries plus a long tail of searches never sent twice; every response
 *    is checked for non-2xx and GraphQL errors. The whole measurement runs once with the
 *    gateway's search cache as configured by default and once with it off.
 * 5. Prints p50/p95/p99 and req/s per kind of query, and the share of requests the gateway's
 *    access log shows answered from memory; with the cache off, profiles the Elasticsearch
 *    side (`took` per query part, works and records) and compares a works search with three
 *    facets and its exact count against the same query returning only the top 21 hits.
 *
 * Options: BENCH_SEARCH_RECORDS (1000000), BENCH_SEARCH_SECONDS (25), BENCH_SEARCH_WARMUP (5),
 * BENCH_SEARCH_CONNECTIONS (50), BENCH_SEARCH_INDEX_PREFIX (bench-search),
 * BENCH_SEARCH_PROFILE (auto | always | never), BENCH_SEARCH_CACHE_SECONDS (10,0: the gateway's
 * search cache lifetimes to run with, one full measurement each), BENCH_SEARCH_CPU_PROFILE (a
 * folder: the gateway writes a V8 CPU profile of each run there).
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { Client } from '@elastic/elasticsearch';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { CatalogueIndex, WorksIndex } from '@hop-luu/search-index';
import { startLocalServices } from '../scripts/services/local-services';
import { createDatabaseIfMissing } from '../scripts/services/postgres';
import { buildIndex, BuildReport, buildWorksIndex, WorksBuildReport } from './search-index-build';
import {
  answersLoggedSince,
  compileGateway,
  GATEWAY_LOG,
  GatewayChild,
  gatewayLogEnd,
  startGateway,
} from './search-gateway';
import { LoadResult, percentile, runLoad, sampleVariants } from './search-load';
import { profileVariants, sequentialGatewayMs } from './search-profile';
import {
  QueryKind,
  queryKinds,
  RECORDS_QUERY,
  requestBody,
  SearchVariables,
  WORKS_QUERY,
} from './search-queries';

const env = process.env;
const RECORDS = Number(env.BENCH_SEARCH_RECORDS ?? 1_000_000);
const SECONDS = Number(env.BENCH_SEARCH_SECONDS ?? 25);
const WARMUP = Number(env.BENCH_SEARCH_WARMUP ?? 5);
const CONNECTIONS = Number(env.BENCH_SEARCH_CONNECTIONS ?? 50);
const PREFIX = env.BENCH_SEARCH_INDEX_PREFIX ?? 'bench-search';
const PROFILE = env.BENCH_SEARCH_PROFILE ?? 'auto';
/** Gateway search-cache lifetimes to measure, in seconds: the default first, then none. */
const CACHE_MODES = (env.BENCH_SEARCH_CACHE_SECONDS ?? '10,0').split(',');
const CPU_PROFILE_DIR = env.BENCH_SEARCH_CPU_PROFILE;
const DATABASE = 'bench_search';
const TARGET_P95_MS = 50;

const log = (line: string) => console.log(line);
const loadAverage = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');

async function benchDatabaseUrl(config: AppConfig): Promise<string> {
  const url = new URL(config.databaseUrl);
  url.pathname = `/${DATABASE}`;
  await createDatabaseIfMissing(url.toString(), DATABASE);
  return url.toString();
}

function printBuild(report: BuildReport): void {
  if (report.reused) {
    log(`index: reused, ${report.docs.toLocaleString('en')} docs (no load this run)`);
    return;
  }
  log(
    `index: built ${report.docs.toLocaleString('en')} docs in ${report.seconds.toFixed(1)} s ` +
      `= ${Math.round(report.docsPerSecond)} docs/s (bulk failures: ${report.failures})`,
  );
}

function printWorksBuild(report: WorksBuildReport): void {
  if (report.reused) {
    log(`works index: reused, ${report.works.toLocaleString('en')} works`);
    return;
  }
  log(
    `works index: built ${report.works.toLocaleString('en')} works in ${report.seconds.toFixed(1)} s ` +
      `= ${Math.round(report.works / report.seconds)} works/s (bulk failures: ${report.failures})`,
  );
}

async function indexFacts(client: Client, alias: string): Promise<string> {
  const stats = await client.indices.stats({ index: alias, metric: ['docs', 'store', 'segments'] });
  const all = stats._all.primaries!;
  const mb = (all.store?.size_in_bytes ?? 0) / 1024 / 1024;
  return `${all.docs?.count} docs, ${mb.toFixed(0)} MB, ${all.segments?.count} segments`;
}

async function esCpuSeconds(client: Client): Promise<number> {
  const stats = await client.nodes.stats({ metric: 'process' });
  const node = Object.values(stats.nodes)[0];
  return (node.process?.cpu?.total_in_millis ?? 0) / 1000;
}

/** One request per search, before timing: shows how much each matches and fails fast on errors. */
async function checkQueries(url: string, operation: string, kinds: readonly QueryKind[]) {
  for (const kind of kinds) {
    const totals: string[] = [];
    for (const variables of sampleVariants(kind, 5)) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: requestBody(operation, variables),
      });
      const json = (await response.json()) as {
        data?: Record<string, { totalCount: number }>;
        errors?: { message: string }[];
      };
      if (response.status !== 200 || json.errors) {
        throw new Error(
          `${kind.name} ${JSON.stringify(variables)}: HTTP ${response.status} ${JSON.stringify(json.errors)}`,
        );
      }
      totals.push(String(Object.values(json.data!)[0].totalCount));
    }
    log(`  ${kind.name.padEnd(22)} totalCount: ${totals.join(', ')}`);
  }
}

/**
 * autocannon drops its sockets at the end of a run, but Elasticsearch still works through the
 * searches already queued; waiting for its search pool to drain keeps one run's backlog from
 * being timed in the next.
 */
async function waitEsIdle(client: Client): Promise<void> {
  for (let quiet = 0; quiet < 3;) {
    const stats = await client.nodes.stats({ metric: 'thread_pool' });
    const pool = Object.values(stats.nodes)[0].thread_pool?.search;
    quiet = (pool?.active ?? 0) + (pool?.queue ?? 0) === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Measured {
  readonly label: string;
  readonly result: LoadResult;
  readonly gatewayCpu: number;
  readonly esCpu: number;
  readonly benchCpu: number;
  readonly loadAverage: string;
  /** From the gateway's access log: requests it answered during the run, and from memory. */
  readonly answers: { answered: number; fromMemory: number };
}

async function measure(
  label: string,
  operation: string,
  gateway: GatewayChild,
  client: Client,
  kinds: readonly QueryKind[],
): Promise<Measured> {
  log(`${label}: warm-up ${WARMUP} s, then ${SECONDS} s at ${CONNECTIONS} connections`);
  const options = { url: gateway.url, operation, kinds, connections: CONNECTIONS };
  await runLoad({ ...options, seconds: WARMUP, warmUp: true });
  await waitEsIdle(client);
  const [gatewayBefore, esBefore, benchBefore, logBefore] = [
    gateway.cpuSeconds(),
    await esCpuSeconds(client),
    process.cpuUsage(),
    gatewayLogEnd(),
  ];
  const result = await runLoad({ ...options, seconds: SECONDS });
  const bench = process.cpuUsage(benchBefore);
  await waitEsIdle(client);
  return {
    answers: await answersLoggedSince(logBefore),
    label,
    result,
    gatewayCpu: gateway.cpuSeconds() - gatewayBefore,
    esCpu: (await esCpuSeconds(client)) - esBefore,
    benchCpu: (bench.user + bench.system) / 1e6,
    loadAverage: loadAverage(),
  };
}

function row(cells: (string | number)[]): string {
  const widths = [24, 8, 8, 8, 8, 8, 7, 8];
  return cells
    .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
    .join(' ');
}

function printMeasured(m: Measured): boolean {
  const { result } = m;
  const ms = (v: number) => v.toFixed(1);
  log(
    `\n${m.label} — ${CONNECTIONS} connections, ${result.seconds.toFixed(1)} s, ` +
      `${result.unanswered} requests still unanswered at the end (not in the percentiles)`,
  );
  log(
    row(['kind of query', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non2xx', 'gql err']),
  );
  const all: number[] = [];
  let errors = result.transportErrors;
  for (const kind of result.kinds) {
    const sorted = [...kind.latencies].sort((a, b) => a - b);
    all.push(...sorted);
    errors += kind.non2xx + kind.graphqlErrors;
    log(
      row([
        kind.name,
        sorted.length,
        (sorted.length / result.seconds).toFixed(1),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        ms(percentile(sorted, 99)),
        kind.non2xx,
        kind.graphqlErrors,
      ]),
    );
    if (kind.firstError) log(`    first error: ${kind.firstError}`);
  }
  all.sort((a, b) => a - b);
  const p95 = percentile(all, 95);
  log(
    row([
      'ALL',
      all.length,
      (all.length / result.seconds).toFixed(1),
      ms(percentile(all, 50)),
      ms(p95),
      ms(percentile(all, 99)),
      result.kinds.reduce((sum, k) => sum + k.non2xx, 0),
      result.kinds.reduce((sum, k) => sum + k.graphqlErrors, 0),
    ]),
  );
  const core = (cpu: number) => `${((cpu / result.seconds) * 100).toFixed(0)}% of a core`;
  const { answered, fromMemory } = m.answers;
  log(
    `answered from memory (x-cache: hit): ${fromMemory} of the ${answered} requests the ` +
      `gateway logged = ${((fromMemory / Math.max(answered, 1)) * 100).toFixed(1)}%`,
  );
  log(
    `CPU during the run: gateway ${core(m.gatewayCpu)}, Elasticsearch ${core(m.esCpu)}, ` +
      `load generator ${core(m.benchCpu)}; socket errors/timeouts ${result.transportErrors}; ` +
      `load average ${m.loadAverage}`,
  );
  // A kind with fewer answers than connections had requests slower than the whole run.
  const starved = result.kinds.filter(
    (k) => k.latencies.length < Math.floor(CONNECTIONS / result.kinds.length),
  );
  if (starved.length > 0) {
    log(`NOT A VALID FIGURE: ${starved.map((k) => k.name).join(', ')}: requests outlasted the run`);
    errors += starved.length;
  }
  if (errors > 0) log(`NOT A VALID FIGURE: ${errors} failed requests or starved kinds`);
  else
    log(
      `p95 ${ms(p95)} ms: ${p95 <= TARGET_P95_MS ? 'within' : 'ABOVE'} the ${TARGET_P95_MS} ms aim`,
    );
  return p95 > TARGET_P95_MS || errors > 0;
}

async function printProfile(
  client: Client,
  aliases: { records: string; works: string },
  gateway: GatewayChild,
  kinds: readonly QueryKind[],
): Promise<void> {
  const names = kinds.map((k) => k.name.slice(0, 10));
  const line = (label: string, values: number[]) =>
    log(`${label.padEnd(48)} ${values.map((v) => v.toFixed(0).padStart(10)).join(' ')}`);
  log(`\nprofile: one request at a time, median of 9, first search of each kind (ms)`);
  log(`${''.padEnd(48)} ${names.map((n) => n.padStart(10)).join(' ')}`);
  const body = (variables: SearchVariables) => requestBody(WORKS_QUERY, variables);
  line('gateway end to end (works)', await sequentialGatewayMs(gateway.url, body, kinds, 9));
  const rows = await profileVariants(client, aliases, kinds, 9);
  for (const { variant, tookMs } of rows) line(`ES took ${variant}`, tookMs);
  // The measure: a works search with three facets at most twice the same top 21.
  const took = (prefix: string) => rows.find((r) => r.variant.startsWith(prefix))!.tookMs;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const top = sum(took('works: query + top 21'));
  for (const [label, prefix] of [
    ['in one request', 'works: 3 facets'],
    ['as the gateway asks it', 'works: as the gateway'],
  ]) {
    const full = sum(took(prefix));
    log(
      `works, 3 facets + count ${label} vs top 21 only (ES took, sum over kinds): ${full} ms vs ` +
        `${top} ms = ${(full / Math.max(top, 1)).toFixed(2)}x (aim: at most 2x)`,
    );
  }
}

async function main(): Promise<void> {
  log(`bench:search — load average at start ${loadAverage()}`);
  const base = loadConfig({ ...env, ELASTICSEARCH_INDEX_PREFIX: PREFIX });
  const services = await startLocalServices(base);
  const databaseUrl = await benchDatabaseUrl(base);
  const client = new Client({ node: base.elasticsearch.url, requestTimeout: 600_000 });
  const catalogue = new CatalogueIndex(client, PREFIX);
  const worksIndex = new WorksIndex(client, PREFIX);
  const aliases = { records: catalogue.alias, works: worksIndex.alias };
  let gateway: GatewayChild | undefined;
  try {
    const build = await buildIndex(client, catalogue, {
      records: RECORDS,
      batchSize: 1000,
      inFlight: 2,
      log,
    });
    printBuild(build);
    log(`index: ${await indexFacts(client, catalogue.alias)}`);
    printWorksBuild(await buildWorksIndex(client, catalogue, worksIndex, build.reused, log));
    log(`works index: ${await indexFacts(client, worksIndex.alias)}`);
    compileGateway(log);
    const kinds = await queryKinds(client, catalogue.alias);
    for (const cacheSeconds of CACHE_MODES) {
      const cache = cacheSeconds === '0' ? 'search cache off' : `search cache ${cacheSeconds} s`;
      log(`\n=== ${cache} (GATEWAY_SEARCH_CACHE_SECONDS=${cacheSeconds}) ===`);
      gateway = await startGateway(
        {
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          ELASTICSEARCH_URL: base.elasticsearch.url,
          ELASTICSEARCH_INDEX_PREFIX: PREFIX,
          GATEWAY_SEARCH_CACHE_SECONDS: cacheSeconds,
          // One client address makes every request here: the per-client limit must not throttle it.
          GATEWAY_RATE_LIMIT_BURST: '1000000',
          GATEWAY_RATE_LIMIT_PER_SECOND: '1000000',
        },
        CPU_PROFILE_DIR,
      );
      log(`gateway: pid ${gateway.pid} at ${gateway.url} (log: ${GATEWAY_LOG})`);
      log('queries (works search, one request each):');
      await checkQueries(gateway.url, WORKS_QUERY, kinds);
      const works = await measure(`search (works), ${cache}`, WORKS_QUERY, gateway, client, kinds);
      const records = await measure(
        `searchRecords, ${cache}`,
        RECORDS_QUERY,
        gateway,
        client,
        kinds,
      );
      printMeasured(works);
      printMeasured(records);
      // Uncached, the profile also gives the facets-vs-top-21 figure: always shown then.
      if (PROFILE === 'always' || (PROFILE === 'auto' && cacheSeconds === '0')) {
        await printProfile(client, aliases, gateway, kinds);
      }
      await gateway.stop();
      gateway = undefined;
    }
    log(`\nload average at end ${loadAverage()}`);
  } finally {
    await gateway?.stop();
    await client.close();
    await services.stop();
  }
}

void main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
