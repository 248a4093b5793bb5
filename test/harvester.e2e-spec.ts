import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import request from 'supertest';
import { ApiKeysService } from '@hop-luu/access';
import { HarvestRunsService } from '@hop-luu/harvest-runs';
import { createApp } from '@hop-luu/platform';
import { CATALOGUE_MAPPING_VERSION, CatalogueIndex } from '@hop-luu/search-index';
import { loadConfig } from '@hop-luu/config';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { MappingUpgradeService } from '../apps/harvester/src/reindex/mapping-upgrade.service';
import { ReindexService } from '../apps/harvester/src/reindex/reindex.service';
import { ScheduleService } from '../apps/harvester/src/scheduling/schedule.service';
import { SourcesService } from '@hop-luu/sources';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { indexedIds, queueRun, registerSource, until, waitForRun } from './support/harvest-helpers';
import { expectedIds } from './support/provider-state';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

describe('harvester: pipeline into Elasticsearch and PostgreSQL', () => {
  let provider: OaiProvider;
  let env: TestEnv;
  let app: INestApplication;
  let ctx: INestApplicationContext;

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        {
          name: 'nlv',
          records: 60,
          pageSize: 25,
          generator: { libraryName: 'Thư viện Quốc gia Việt Nam', seed: 1 },
        },
        {
          name: 'hcmus',
          records: 45,
          pageSize: 20,
          generator: { libraryName: 'Thư viện ĐH KHTN', seed: 2 },
        },
        { name: 'flaky', records: 30, pageSize: 10, generator: { seed: 3 } },
        { name: 'messy', records: 20, pageSize: 10, generator: { seed: 4 } },
      ],
    });
    env = await isolatedTestEnv('harvester', {
      HARVEST_RETRY_MAX_ATTEMPTS: '3',
      HARVEST_CONCURRENCY: '3',
    });
    app = await createApp(harvesterApp, loadConfig({ ...process.env, ...env }));
    await app.init();
    ctx = app;
    await registerSource(ctx, provider, 'nlv', {
      metadataPrefix: 'oai_dc',
      libraryKind: 'national',
    });
    await registerSource(ctx, provider, 'hcmus', {
      metadataPrefix: 'marc21',
      libraryKind: 'university',
      province: 'TP. Hồ Chí Minh',
    });
    await registerSource(ctx, provider, 'flaky');
    await registerSource(ctx, provider, 'messy');
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  it('makes every record of an oai_dc and a marc21 source searchable', async () => {
    const [nlv, hcmus] = await Promise.all([queueRun(ctx, 'nlv'), queueRun(ctx, 'hcmus')]);
    const [nlvRun, hcmusRun] = await Promise.all([
      waitForRun(ctx, nlv.id),
      waitForRun(ctx, hcmus.id),
    ]);

    expect(nlvRun).toMatchObject({
      status: 'succeeded',
      recordsSeen: 60,
      recordsIndexed: 60,
      pages: 3,
    });
    expect(hcmusRun).toMatchObject({
      status: 'succeeded',
      recordsSeen: 45,
      recordsIndexed: 45,
      pages: 3,
    });
    expect(await indexedIds(ctx, 'nlv')).toEqual(expectedIds(provider.repo('nlv'), 'nlv'));
    expect(await indexedIds(ctx, 'hcmus')).toEqual(expectedIds(provider.repo('hcmus'), 'hcmus'));

    const title = provider
      .repo('hcmus')
      .recordOf(provider.repo('hcmus').query({}).slice(0, 1)[0]).title;
    const client = ctx.get(Client);
    const found = await client.search({
      index: ctx.get(CatalogueIndex).alias,
      query: {
        bool: {
          filter: [{ term: { sourceId: 'hcmus' } }],
          must: [{ match_phrase: { 'search.title': title } }],
        },
      },
    });
    expect(found.hits.hits.length).toBeGreaterThan(0);
  });

  it('changes nothing when the same source is harvested again', async () => {
    const before = await ctx.get(Client).get<{ indexedAt: string }>({
      index: ctx.get(CatalogueIndex).alias,
      id: (await indexedIds(ctx, 'nlv'))[0],
    });
    const run = await waitForRun(ctx, (await queueRun(ctx, 'nlv', 'full')).id);

    expect(run).toMatchObject({
      status: 'succeeded',
      recordsSeen: 60,
      recordsIndexed: 0,
      recordsUnchanged: 60,
    });
    const after = await ctx
      .get(Client)
      .get<{ indexedAt: string }>({ index: ctx.get(CatalogueIndex).alias, id: before._id });
    expect(after._source!.indexedAt).toBe(before._source!.indexedAt);
    expect(await indexedIds(ctx, 'nlv')).toEqual(expectedIds(provider.repo('nlv'), 'nlv'));
  });

  it('picks up exactly the changed, added and deleted records incrementally', async () => {
    const repo = provider.repo('nlv');
    const [first, second, third] = repo
      .query({})
      .slice(0, 3)
      .map((entry) => entry.identifier);
    // Stamped a little after the last run's start, as a catalogue edit would be.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    repo.updateRecord(first, { title: 'Địa chí Hà Nội mới sửa' });
    repo.updateRecord(second, { title: 'Lịch sử Việt Nam (bản sửa)' });
    repo.deleteRecord(third);
    const added = repo.addRecord({ title: 'Sách mới nhập kho' });

    const run = await waitForRun(ctx, (await queueRun(ctx, 'nlv', 'incremental')).id);

    expect(run.status).toBe('succeeded');
    expect(run.fromDate).not.toBeNull();
    expect(run.recordsIndexed).toBe(3);
    expect(run.recordsDeleted).toBe(1);
    expect(run.recordsSeen - run.recordsUnchanged).toBe(4);
    const ids = await indexedIds(ctx, 'nlv');
    expect(ids).toEqual(expectedIds(repo, 'nlv'));
    expect(ids).toContain(`nlv:${added}`);
    expect(ids).not.toContain(`nlv:${third}`);
    const doc = await ctx
      .get(Client)
      .get<{ title: string }>({ index: ctx.get(CatalogueIndex).alias, id: `nlv:${first}` });
    expect(doc._source!.title).toBe('Địa chí Hà Nội mới sửa');
  });

  it('fails a source that keeps failing, with its errors, while another source carries on', async () => {
    provider.repo('flaky').injectFault({ type: 'status', status: 500 }, 1000, 'withToken');
    const [flaky, hcmus] = await Promise.all([
      queueRun(ctx, 'flaky'),
      queueRun(ctx, 'hcmus', 'full'),
    ]);
    const [flakyRun, hcmusRun] = await Promise.all([
      waitForRun(ctx, flaky.id),
      waitForRun(ctx, hcmus.id),
    ]);
    provider.repo('flaky').resetFaults();

    expect(flakyRun.status).toBe('failed');
    expect(flakyRun.errorCode).toBe('HTTP_ERROR');
    expect(flakyRun.errorMessage).toMatch(/500/);
    expect(flakyRun.pages).toBe(1);
    expect(flakyRun.lastToken).not.toBeNull();
    expect(hcmusRun.status).toBe('succeeded');
    const source = await ctx.get(HarvestRunsService).lastRunOf(['flaky']);
    expect(source[0].id).toBe(flakyRun.id);
  });

  it('saves the good records of a page and reports the broken ones by identifier', async () => {
    provider.repo('messy').setModes({ brokenRecords: { every: 5, kind: 'amp' } });
    const run = await waitForRun(ctx, (await queueRun(ctx, 'messy')).id);

    expect(run.status).toBe('partial');
    expect(run.recordsFailed).toBe(4);
    expect(run.recordsIndexed).toBe(16);
    expect(run.errors).toHaveLength(4);
    for (const error of run.errors) expect(error.identifier).toMatch(/^oai:/);
    expect((await indexedIds(ctx, 'messy')).length).toBe(16);
  });

  it("queues runs from a source's cron schedule, and stops when the source is disabled", async () => {
    const scheduler = await createApp(
      harvesterApp,
      loadConfig({ ...process.env, ...env, SCHEDULER_ENABLED: 'true' }),
    );
    await scheduler.init();
    try {
      const sources = ctx.get(SourcesService);
      await sources.update('messy', { schedule: '* * * * * *' }); // every second
      const runs = ctx.get(HarvestRunsService);
      const scheduled = async () =>
        (await runs.list({ sourceId: 'messy' }, 100)).filter((r) => r.trigger === 'schedule');
      await until(async () => (await scheduled()).length > 0, 10_000);
      expect(scheduler.get(ScheduleService).scheduledSourceIds()).toContain('messy');

      await sources.setEnabled('messy', false);
      await until(
        async () => !scheduler.get(ScheduleService).scheduledSourceIds().includes('messy'),
        5_000,
      );
      const count = (await scheduled()).length;
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect((await scheduled()).length).toBe(count);
    } finally {
      await scheduler.close();
      await ctx.get(SourcesService).update('messy', { schedule: null, enabled: true });
    }
  });

  it('serves Prometheus metrics of its runs and records to staff keys only', async () => {
    const staff = (await ctx.get(ApiKeysService).createKey('Ban vận hành — TVQG', 'staff')).key;
    const partner = (await ctx.get(ApiKeysService).createKey('Thư viện đối tác', 'partner')).key;
    const scrape = () => request(app.getHttpServer()).get('/metrics');
    expect((await scrape().expect(403)).body.message).toMatch(/staff API key/);
    await scrape().set('x-api-key', partner).expect(403);
    await scrape().set('authorization', `Bearer ${partner}x`).expect(401);
    const response = await scrape().set('authorization', `Bearer ${staff}`).expect(200);
    expect(response.text).toMatch(/hopluu_harvest_runs_total\{status="succeeded"\} \d+/);
    expect(response.text).toMatch(/hopluu_harvest_records_total\{outcome="indexed"\} \d+/);
    expect(response.text).toMatch(
      /hopluu_oai_request_duration_seconds_count\{host="127\.0\.0\.1:\d+",outcome="done"\} \d+/,
    );
  });

  it('reindexes from PostgreSQL into a new index version while searches keep answering', async () => {
    const catalogue = ctx.get(CatalogueIndex);
    const client = ctx.get(Client);
    const before = await catalogue.currentIndex();
    const total = (await client.count({ index: catalogue.alias })).count;
    const requestsBefore = provider.repo('nlv').requests.length;

    let searching = true;
    const failures: unknown[] = [];
    let searches = 0;
    const searcher = (async () => {
      while (searching) {
        try {
          const result = await client.search({
            index: catalogue.alias,
            query: { match_all: {} },
            size: 0,
            track_total_hits: true,
          });
          searches++;
          if ((result.hits.total as { value: number }).value === 0) failures.push('empty result');
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    const report = await ctx.get(ReindexService).reindex();
    searching = false;
    await searcher;

    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(0);
    expect(report.previous).toBe(before);
    expect(await catalogue.currentIndex()).toBe(report.index);
    expect(report.index).not.toBe(before);
    await catalogue.refresh();
    expect((await client.count({ index: catalogue.alias })).count).toBe(total);
    expect(provider.repo('nlv').requests.length).toBe(requestsBefore);
  });

  it('rebuilds, when it starts, a live index built under an older mapping', async () => {
    const catalogue = ctx.get(CatalogueIndex);
    const client = ctx.get(Client);
    const old = (await catalogue.currentIndex())!;
    const total = (await client.count({ index: catalogue.alias })).count;
    // An index from the previous release: same documents, older mapping version.
    await client.indices.putMapping({ index: old, _meta: { mappingVersion: 1 } });
    expect(await catalogue.isOutdated()).toBe(true);

    const next = await createApp(harvesterApp, loadConfig({ ...process.env, ...env }));
    try {
      await next.init();
      const report = await next.get(MappingUpgradeService).upgrade;
      expect(report?.previous).toBe(old);
      expect(await catalogue.currentIndex()).toBe(report?.index);
      expect(await catalogue.liveMappingVersion()).toBe(CATALOGUE_MAPPING_VERSION);
      expect((await client.count({ index: catalogue.alias })).count).toBe(total);
      const found = await client.search({
        index: catalogue.alias,
        size: 0,
        track_total_hits: true,
        query: { match: { 'search.allFolded': 'viet' } },
      });
      expect((found.hits.total as { value: number }).value).toBeGreaterThan(0);
    } finally {
      await next.close();
    }
  });
});
