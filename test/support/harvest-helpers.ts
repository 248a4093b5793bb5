import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@elastic/elasticsearch';
import { loadConfig } from '@hop-luu/config';
import { HarvestRun, HarvestRunsService, RunMode } from '@hop-luu/harvest-runs';
import { CatalogueIndex } from '@hop-luu/search-index';
import { LibraryKind, Source, SourceRegistrationService } from '@hop-luu/sources';
import { HarvesterModule } from '../../apps/harvester/src/harvester.module';
import type { OaiProvider } from '@hop-luu/oai-test-provider';
import { TestEnv } from './test-environment';

/** The harvester's services without its worker or schedules: what a test drives and inspects. */
export async function harvesterContext(env: TestEnv): Promise<INestApplicationContext> {
  const config = loadConfig({ ...process.env, ...env });
  return NestFactory.createApplicationContext(
    HarvesterModule.forRoot(config, { background: false }),
    { logger: false },
  );
}

export function registerSource(
  app: INestApplicationContext,
  provider: OaiProvider,
  repo: string,
  options: {
    metadataPrefix?: string;
    libraryKind?: LibraryKind;
    libraryName?: string;
    province?: string;
  } = {},
): Promise<Source> {
  return app.get(SourceRegistrationService).register({
    id: repo,
    libraryName: options.libraryName ?? `Thư viện ${repo}`,
    libraryKind: options.libraryKind ?? 'university',
    province: options.province ?? 'Hà Nội',
    baseUrl: provider.baseUrl(repo),
    metadataPrefix: options.metadataPrefix ?? 'oai_dc',
  });
}

export function queueRun(
  app: INestApplicationContext,
  sourceId: string,
  mode: RunMode = 'full',
): Promise<HarvestRun> {
  return app.get(HarvestRunsService).enqueue({ sourceId, mode, trigger: 'manual' });
}

const FINISHED = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

/** Polls until the run has finished; fails the test with the run's state after `timeoutMs`. */
export async function waitForRun(
  app: INestApplicationContext,
  runId: string,
  timeoutMs = 60_000,
): Promise<HarvestRun> {
  const runs = app.get(HarvestRunsService);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await runs.get(runId);
    if (run && FINISHED.has(run.status)) return run;
    if (Date.now() > deadline)
      throw new Error(`run ${runId} still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ids of the documents of one source in the catalogue, after a refresh. */
export async function indexedIds(
  app: INestApplicationContext,
  sourceId: string,
): Promise<string[]> {
  const client = app.get(Client);
  const catalogue = app.get(CatalogueIndex);
  await catalogue.refresh();
  const response = await client.search<{ id: string }>({
    index: catalogue.alias,
    query: { term: { sourceId } },
    _source: ['id'],
    size: 10_000,
  });
  return response.hits.hits.map((hit) => hit._id!).sort();
}

/** Polls `condition` every 100 ms; fails after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
