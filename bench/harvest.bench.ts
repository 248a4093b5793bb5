/**
 * `npm run bench:harvest`: harvests 200,000 oai_dc records (pages of 500) from the test
 * provider on loopback into the real Elasticsearch and PostgreSQL, end to end through the
 * harvester's own run pipeline, and reports records/second and the harvesting process's
 * RSS along the way (flat RSS = memory does not grow with the feed).
 * Options: BENCH_RECORDS (default 200000), BENCH_PAGE_SIZE (default 500), BENCH_FAMOUS_WORKS
 * (`repeated`, the default and the feed every earlier figure was measured on: every tenth
 * record is one of the feed's ~17 famous editions again, ~1,200 records of each in one library,
 * works matching's worst case; `once`: the library holds each famous edition once, as a
 * catalogue does), BENCH_VOCABULARY (`compact`, the default: the library's own works have a few
 * hundred titles and 34 authors; `broad`: thousands of each, as a real catalogue has).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@hop-luu/config';
import { HarvestRunsService } from '@hop-luu/harvest-runs';
import { SourceRegistrationService } from '@hop-luu/sources';
import { HarvestRunnerService } from '../apps/harvester/src/harvest/harvest-runner.service';
import { HarvesterModule } from '../apps/harvester/src/harvester.module';
import { RunQueueService } from '../apps/harvester/src/runs/run-queue.service';
import { startLocalServices } from '../scripts/services/local-services';
import { isolatedTestEnv, removeTestEnv } from '../test/support/test-environment';
import { typeScriptEntry } from '../test/support/typescript-entry';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 500);
const FAMOUS_WORKS = process.env.BENCH_FAMOUS_WORKS === 'once' ? 'once' : 'repeated';
const VOCABULARY = process.env.BENCH_VOCABULARY === 'broad' ? 'broad' : 'compact';
const MB = 1024 * 1024;

async function startProvider(): Promise<{ origin: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    typeScriptEntry(
      'bench/oai-provider-process.ts',
      String(RECORDS),
      String(PAGE_SIZE),
      FAMOUS_WORKS,
      VOCABULARY,
    ),
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    origin: (JSON.parse(line) as { origin: string }).origin,
    stop: () => child.kill('SIGTERM'),
  };
}

/**
 * Asks for every page once before timing: the provider renders and caches them, so the
 * measurement is of our harvester, not of the test provider generating records.
 */
async function warmProvider(origin: string): Promise<void> {
  let query = `verb=ListRecords&metadataPrefix=oai_dc`;
  for (;;) {
    const body = await (await fetch(`${origin}/oai/p${PAGE_SIZE}?${query}`)).text();
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(body)?.[1];
    if (!token) return;
    query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
}

async function main(): Promise<void> {
  const services = await startLocalServices(loadConfig());
  const provider = await startProvider();
  await warmProvider(provider.origin);
  const env = await isolatedTestEnv('bench_harvest', { LOG_LEVEL: 'warn' });
  const config = loadConfig({ ...process.env, ...env });
  const app = await NestFactory.createApplicationContext(
    HarvesterModule.forRoot(config, { background: false }),
    {
      logger: ['warn', 'error'],
    },
  );
  await app.get(SourceRegistrationService).register({
    id: 'bench',
    libraryName: 'Thư viện Đại học Quốc gia Hà Nội',
    libraryKind: 'university',
    baseUrl: `${provider.origin}/oai/p${PAGE_SIZE}`,
    metadataPrefix: 'oai_dc',
  });
  const queued = await app
    .get(HarvestRunsService)
    .enqueue({ sourceId: 'bench', mode: 'full', trigger: 'manual' });
  const claimed = (await app.get(RunQueueService).claimNext(queued.id))!;

  const baselineRss = process.memoryUsage().rss;
  const samples: { seen: number; rssMb: number }[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    void app
      .get(HarvestRunsService)
      .get(queued.id)
      .then((run) => samples.push({ seen: run?.recordsSeen ?? 0, rssMb: rss / MB }));
  }, 1000);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const run = await app.get(HarvestRunnerService).execute(claimed);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  samples.push({ seen: run.recordsSeen, rssMb: process.memoryUsage().rss / MB });
  const cpu = process.cpuUsage(cpuBefore);

  const quarter = (q: number) =>
    samples.find((s) => s.seen >= (RECORDS * q) / 4)?.rssMb.toFixed(0) ?? '-';
  console.log(
    `\nbench:harvest — ${RECORDS} oai_dc records, pages of ${PAGE_SIZE}, famous works ${FAMOUS_WORKS}, vocabulary ${VOCABULARY}, loopback, real Elasticsearch + PostgreSQL`,
  );
  console.log(
    `run status           ${run.status} (seen ${run.recordsSeen}, indexed ${run.recordsIndexed}, failed ${run.recordsFailed})`,
  );
  if (run.errorCode) console.log(`run error            ${run.errorCode}: ${run.errorMessage}`);
  console.log(`wall time            ${seconds.toFixed(1)} s`);
  console.log(`end to end           ${Math.round(run.recordsSeen / seconds)} records/s`);
  console.log(
    `harvester CPU        ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (${(((cpu.user + cpu.system) / 1e6 / seconds) * 100).toFixed(0)}% of one core)`,
  );
  console.log(
    `RSS before the run   ${(baselineRss / MB).toFixed(0)} MB (Node + ts-node + Nest, before any record)`,
  );
  console.log(`peak RSS             ${(peakRss / MB).toFixed(0)} MB`);
  console.log(`RSS at 25/50/75/100% ${[1, 2, 3, 4].map(quarter).join(' / ')} MB`);

  await app.close();
  await removeTestEnv(env);
  provider.stop();
  await services.stop();
}

void main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
