import { INestApplication } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { CatalogueIndex } from '@hop-luu/search-index';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { RUN_FINISHED, RunFinishedEvent } from '../apps/harvester/src/events/harvest-events';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { isbn13, OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { legacyTextFor } from '@hop-luu/oai-test-provider/legacy-text';
import { waitForRun } from './support/harvest-helpers';
import { errorCode, gql } from './support/graphql-client';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

const REGISTER = `mutation($input: RegisterSourceInput!) { registerSource(input: $input) { id } }`;
const TRIGGER = `mutation($id: String!) { triggerHarvest(sourceId: $id, mode: FULL) { id } }`;
const SOURCE = `query($id: String!) { source(id: $id) {
  id health recordCount lastSuccessAt earliestDatestamp adminEmail
  lastRun { id status errorCode } } }`;
const OVERVIEW = `query($filter: OverviewFilterInput) { overview(filter: $filter) {
  sources libraries records works runsToday healthCounts { health count } needsAttention { id health } } }`;
const STATS = `query($days: Int, $sourceId: String) { harvestStats(days: $days, sourceId: $sourceId) {
  recordsPerDay { day records } runDurations { runId sourceId seconds status }
  failuresByCode { code count } recordsPerProvince { province records sources } } }`;
const LIVE = `query { harvestRuns(filter: { statuses: ["queued", "running"] }) { runs {
  id status sourceId sourceName pages recordsSeen completeListSize recordsPerSecond estimatedSecondsLeft } } }`;
const WORK_COUNT = `{ search(first: 1) { totalCount } }`;
const CHECK = `query($input: CheckEndpointInput!) { checkEndpoint(input: $input) {
  steps { step ok code message details }
  identify { repositoryName granularity deletedRecord earliestDatestamp adminEmail }
  formats suggestedMetadataPrefix
  preview { identifier title creators year type language warnings { code message } } } }`;

/** Retries `check` until it stops throwing (a harvester works in the background), then returns its value. */
async function until<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A record both libraries hold (same ISBN): its work stays when one of them is deleted. */
const SHARED_BOOK = { title: 'Sách dùng chung', isbn: isbn13('978604100001'), isbn10: undefined };

describe('console API: overview, charts, health, live runs, endpoint check, deletion summary', () => {
  let provider: OaiProvider;
  let env: TestEnv;
  let harvester: INestApplication;
  let gateway: INestApplication;
  /** Same database, production rules: no private addresses, two endpoint checks a minute. */
  let strict: INestApplication;
  const keys = { staff: '', hn: '', hcm: '' };
  const runIds: Record<string, string> = {};

  async function register(
    key: string,
    id: string,
    extra: { province?: string; schedule?: string; libraryKind?: string } = {},
  ) {
    const answer = await gql(
      gateway,
      REGISTER,
      {
        input: {
          id,
          libraryName: `Thư viện ${id}`,
          libraryKind: extra.libraryKind ?? 'provincial',
          province: extra.province,
          schedule: extra.schedule,
          baseUrl: provider.baseUrl(id),
          metadataPrefix: 'oai_dc',
        },
      },
      key,
    );
    expect(answer.errors).toBeUndefined();
  }

  async function harvest(key: string, id: string) {
    const queued = await gql(gateway, TRIGGER, { id }, key);
    expect(queued.errors).toBeUndefined();
    const run = await waitForRun(harvester, queued.data!.triggerHarvest.id);
    await harvester.get(CatalogueIndex).refresh();
    runIds[id] = run.id;
    return run;
  }

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        { name: 'hanoi', records: 30, pageSize: 10, generator: { seed: 21, libraryCode: 'hn' } },
        { name: 'saigon', records: 20, pageSize: 10, generator: { seed: 22, libraryCode: 'sg' } },
        { name: 'broken', records: 5, generator: { seed: 23 } },
        { name: 'sleepy', records: 5, generator: { seed: 24 } },
        { name: 'live', records: 30, pageSize: 10, generator: { seed: 25 } },
        {
          name: 'legacy',
          records: 12,
          pageSize: 10,
          granularity: 'day',
          deletedRecord: 'persistent',
          generator: { seed: 26 },
        },
      ],
    });
    provider.repo('hanoi').addRecord(SHARED_BOOK);
    provider.repo('saigon').addRecord(SHARED_BOOK);
    env = await isolatedTestEnv('console_api', {
      GATEWAY_RATE_LIMIT_BURST: '10000',
      GATEWAY_RATE_LIMIT_PER_SECOND: '10000',
      GATEWAY_SEARCH_CACHE_SECONDS: '0',
      HARVEST_RETRY_MAX_ATTEMPTS: '2',
      HARVEST_REQUEST_TIMEOUT_MS: '4000',
    });
    const config = loadConfig({ ...process.env, ...env });
    harvester = await createApp(harvesterApp, config);
    await harvester.init();
    gateway = await createApp(gatewayApp, config);
    await gateway.init();
    strict = await createApp(
      gatewayApp,
      loadConfig({
        ...process.env,
        ...env,
        HARVEST_ALLOW_PRIVATE_ADDRESSES: 'false',
        GATEWAY_ENDPOINT_CHECKS_PER_MINUTE: '2',
      }),
    );
    await strict.init();
    const apiKeys = harvester.get(ApiKeysService);
    keys.staff = (await apiKeys.createKey('Ban Thư viện số', 'staff')).key;
    keys.hn = (await apiKeys.createKey('Thư viện Hà Nội', 'partner')).key;
    keys.hcm = (await apiKeys.createKey('Thư viện TP.HCM', 'partner')).key;
    await register(keys.hn, 'hanoi', { province: 'Hà Nội' });
    await register(keys.hcm, 'saigon', { province: 'TP. Hồ Chí Minh' });
    await register(keys.hn, 'broken', { province: 'Hà Nội', libraryKind: 'special' });
    await register(keys.hn, 'sleepy', { province: 'Hà Nội', schedule: '0 2 * * *' });
    await register(keys.staff, 'live');
    for (const id of ['hanoi', 'saigon', 'sleepy'])
      expect((await harvest(keys.staff, id)).status).toBe('succeeded');
    // The broken library's server answers every request with 500 from now on.
    provider.repo('broken').injectFault({ type: 'status', status: 500 }, 1000);
    expect((await harvest(keys.hn, 'broken')).status).toBe('failed');
    // The sleepy library's only harvest was three days ago; it is scheduled daily.
    await harvester
      .get(DataSource)
      .query(
        `UPDATE harvest_runs SET queued_at = queued_at - interval '3 days', started_at = started_at - interval '3 days', finished_at = finished_at - interval '3 days' WHERE source_id = 'sleepy'`,
      );
  }, 120_000);

  /** Works only this source holds, counted from every document's work id. */
  async function worksOnlyIn(sourceId: string): Promise<number> {
    const found = await harvester.get(Client).search<{ sourceId: string; work: { id: string } }>({
      index: harvester.get(CatalogueIndex).alias,
      size: 1000,
      _source: ['sourceId', 'work.id'],
    });
    const holders = new Map<string, Set<string>>();
    for (const hit of found.hits.hits) {
      const key = hit._source!.work.id;
      holders.set(key, (holders.get(key) ?? new Set()).add(hit._source!.sourceId));
    }
    return [...holders.values()].filter((ids) => ids.size === 1 && ids.has(sourceId)).length;
  }

  afterAll(async () => {
    for (const app of [strict, gateway, harvester]) await app?.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  describe('health', () => {
    it('says FAILING for a source whose last run failed, and shows that run', async () => {
      const answer = await gql(gateway, SOURCE, { id: 'broken' }, keys.hn);
      expect(answer.data!.source).toMatchObject({
        health: 'FAILING',
        lastSuccessAt: null,
        lastRun: { status: 'failed', errorCode: expect.any(String) },
      });
    });

    it('says STALE for a daily source with no completed harvest for three days', async () => {
      const answer = await gql(gateway, SOURCE, { id: 'sleepy' }, keys.hn);
      const source = answer.data!.source;
      expect(source.health).toBe('STALE');
      const since = Date.now() - Date.parse(source.lastSuccessAt);
      expect(since).toBeGreaterThan(3 * 24 * 3600_000 - 60_000);
    });

    it('says OK for a healthy source, with what its Identify said', async () => {
      const answer = await gql(gateway, SOURCE, { id: 'hanoi' }, keys.hn);
      expect(answer.data!.source).toMatchObject({
        health: 'OK',
        recordCount: 31,
        earliestDatestamp: expect.any(String),
      });
    });

    it('filters sources by health and province', async () => {
      const list = async (filter: Record<string, unknown>) =>
        (
          await gql(gateway, `query($f: SourceFilterInput) { sources(filter: $f) { id } }`, {
            f: filter,
          })
        ).data!.sources.map((source: { id: string }) => source.id);
      expect(await list({ health: 'FAILING' })).toEqual(['broken']);
      expect(await list({ province: 'Hà Nội', health: 'OK' })).toEqual(['hanoi']);
      expect(await list({ province: 'TP. Hồ Chí Minh' })).toEqual(['saigon']);
    });
  });

  describe('overview', () => {
    it('gives staff the totals of every source, health counts and what needs a person', async () => {
      const answer = await gql(gateway, OVERVIEW, {}, keys.staff);
      expect(answer.errors).toBeUndefined();
      const overview = answer.data!.overview;
      const works = (await gql(gateway, WORK_COUNT)).data!.search.totalCount;
      expect(overview).toMatchObject({
        sources: 5,
        libraries: 5,
        // 31 + 21 + 5 records; works held by several libraries count once.
        records: 57,
        works,
        runsToday: 3,
      });
      const counts = Object.fromEntries(
        overview.healthCounts.map((entry: { health: string; count: number }) => [
          entry.health,
          entry.count,
        ]),
      );
      expect(counts).toMatchObject({ OK: 2, FAILING: 1, STALE: 1, NEVER_HARVESTED: 1 });
      expect(overview.needsAttention).toEqual([
        { id: 'broken', health: 'FAILING' },
        { id: 'sleepy', health: 'STALE' },
      ]);
    });

    it('gives a partner only its own sources, narrowed by the filter', async () => {
      const own = (await gql(gateway, OVERVIEW, {}, keys.hcm)).data!.overview;
      expect(own).toMatchObject({ sources: 1, records: 21, runsToday: 1 });
      const special = await gql(gateway, OVERVIEW, { filter: { libraryKind: 'special' } }, keys.hn);
      expect(special.data!.overview).toMatchObject({ sources: 1, records: 0 });
    });

    it('is refused without a key', async () => {
      expect(errorCode(await gql(gateway, OVERVIEW))).toBe('UNAUTHENTICATED');
    });
  });

  describe('harvestStats', () => {
    it('counts records per day (Vietnam time), durations, failures by code and provinces', async () => {
      const answer = await gql(gateway, STATS, { days: 7 }, keys.staff);
      expect(answer.errors).toBeUndefined();
      const stats = answer.data!.harvestStats;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(),
      );
      expect(stats.recordsPerDay).toHaveLength(7);
      // Today: hanoi and saigon (the failed run received nothing); sleepy's run ended 3 days ago.
      expect(stats.recordsPerDay.at(-1)).toEqual({ day: today, records: 52 });
      expect(
        stats.recordsPerDay.reduce((sum: number, d: { records: number }) => sum + d.records, 0),
      ).toBe(57);
      expect(stats.runDurations.map((run: { runId: string }) => run.runId)).toEqual(
        expect.arrayContaining([runIds.hanoi, runIds.saigon, runIds.broken, runIds.sleepy]),
      );
      const broken = await gql(gateway, SOURCE, { id: 'broken' }, keys.hn);
      expect(stats.failuresByCode).toEqual([
        { code: broken.data!.source.lastRun.errorCode, count: 1 },
      ]);
      expect(stats.recordsPerProvince).toEqual(
        expect.arrayContaining([
          { province: 'Hà Nội', records: 36, sources: 2 },
          { province: 'TP. Hồ Chí Minh', records: 21, sources: 1 },
        ]),
      );
    });

    it("refuses a partner the statistics of another partner's source", async () => {
      const answer = await gql(gateway, STATS, { sourceId: 'hanoi' }, keys.hcm);
      expect(errorCode(answer)).toBe('FORBIDDEN');
      const own = await gql(gateway, STATS, { sourceId: 'saigon', days: 1 }, keys.hcm);
      expect(own.data!.harvestStats.recordsPerDay).toEqual([
        { day: expect.any(String), records: 21 },
      ]);
    });
  });

  describe('live runs', () => {
    it('shows a running run with its declared size, pace and time left, and cancels it', async () => {
      // The second page never comes (until the harvester's request times out).
      provider.repo('live').injectFault({ type: 'hang' }, 1, 'withToken');
      const queued = await gql(gateway, TRIGGER, { id: 'live' }, keys.staff);
      const runId = queued.data!.triggerHarvest.id;
      const ended = new Promise<RunFinishedEvent>((resolve) => {
        const events = harvester.get(EventEmitter2);
        const listener = (run: RunFinishedEvent) => {
          if (run.id !== runId) return;
          events.off(RUN_FINISHED, listener);
          resolve(run);
        };
        events.on(RUN_FINISHED, listener);
      });
      const live = await until(async () => {
        const answer = await gql(gateway, LIVE, {}, keys.staff);
        const run = answer.data!.harvestRuns.runs.find((r: { id: string }) => r.id === runId);
        expect(run).toMatchObject({ status: 'running', pages: 1 });
        return run;
      });
      expect(live).toMatchObject({
        sourceId: 'live',
        sourceName: 'Thư viện live',
        recordsSeen: 10,
        completeListSize: 30,
      });
      expect(live.recordsPerSecond).toBeGreaterThan(0);
      expect(live.estimatedSecondsLeft).toBeGreaterThanOrEqual(0);
      const cancel = `mutation($id: ID!) { cancelHarvestRun(id: $id) { id status } }`;
      expect(errorCode(await gql(gateway, cancel, { id: runId }, keys.hcm))).toBe('FORBIDDEN');
      const cancelled = await gql(gateway, cancel, { id: runId }, keys.staff);
      expect(cancelled.data!.cancelHarvestRun).toEqual({ id: runId, status: 'cancelled' });
      const after = await gql(gateway, LIVE, {}, keys.staff);
      expect(after.data!.harvestRuns.runs).toEqual([]);
      // The harvester stops at its next page (once the hung request has timed out).
      expect((await ended).status).toBe('cancelled');
      await harvester.get(CatalogueIndex).refresh();
    });
  });

  describe('checkEndpoint', () => {
    const legacy = () => ({ baseUrl: provider.baseUrl('legacy'), metadataPrefix: 'oai_dc' });

    it('walks a good endpoint step by step and previews its records as catalogued, with the repairs', async () => {
      // The library's catalogue still has TCVN3 titles and names, and some invalid bytes.
      provider.repo('legacy').setModes({ legacyText: 'tcvn3', invalidUtf8: true });
      const answer = await gql(gateway, CHECK, { input: legacy() }, keys.hn);
      expect(answer.errors).toBeUndefined();
      const check = answer.data!.checkEndpoint;
      expect(check.steps.map((s: { step: string; ok: boolean }) => [s.step, s.ok])).toEqual([
        ['ADDRESS', true],
        ['IDENTIFY', true],
        ['FORMAT', true],
        ['PREVIEW', true],
      ]);
      expect(check.steps[1].message).toMatch(
        /^Identify answered: ".+", dates to the day, deleted records kept \("persistent"\)\.$/,
      );
      expect(check.identify).toMatchObject({
        granularity: 'YYYY-MM-DD',
        deletedRecord: 'persistent',
      });
      expect(check.formats).toEqual(expect.arrayContaining(['oai_dc', 'marc21']));
      expect(check.preview).toHaveLength(5);
      check.preview.forEach(
        (
          record: {
            title: string;
            creators: string[];
            warnings: { code: string; message: string }[];
          },
          i: number,
        ) => {
          const { title, creator } = legacyTextFor('tcvn3', i);
          expect(record.title).toBe(title[1]);
          expect(record.creators).toEqual([creator[1]]);
          const codes = record.warnings.map((w) => w.code);
          expect(codes).toEqual(
            expect.arrayContaining(['ENCODING_TCVN3', 'ENCODING_INVALID_BYTES']),
          );
          const tcvn3 = record.warnings.find((w) => w.code === 'ENCODING_TCVN3')!;
          expect(tcvn3.message).toContain('TCVN3');
        },
      );
      // Nothing was registered or indexed by a check.
      const sources = await gql(gateway, `{ sources { id } }`);
      expect(sources.data!.sources.map((x: { id: string }) => x.id)).not.toContain('legacy');
      provider.repo('legacy').resetFaults();
    });

    it('says which format to use when the chosen one cannot be mapped', async () => {
      provider.repo('legacy').setModes({ unmappedFormat: true });
      const answer = await gql(
        gateway,
        CHECK,
        { input: { ...legacy(), metadataPrefix: 'xoai' } },
        keys.hn,
      );
      const check = answer.data!.checkEndpoint;
      expect(check.steps[2]).toMatchObject({ step: 'FORMAT', ok: false, code: 'UNMAPPED_FORMAT' });
      expect(check.suggestedMetadataPrefix).toBe('oai_dc');
      expect(check.preview[0]).toMatchObject({ title: null });
      expect(check.preview[0].warnings[0].code).toBe('UNKNOWN_FORMAT');
      provider.repo('legacy').resetFaults();
    });

    it('stops at the address when it is not allowed, sending nothing to it', async () => {
      const sent = provider.repo('legacy').requests.length;
      const answer = await gql(strict, CHECK, { input: legacy() }, keys.hn);
      expect(answer.errors).toBeUndefined();
      const check = answer.data!.checkEndpoint;
      expect(check.steps).toEqual([
        {
          step: 'ADDRESS',
          ok: false,
          code: 'SOURCE_ADDRESS_NOT_ALLOWED',
          message: expect.stringMatching(/resolves to 127\.0\.0\.1, a loopback, private/),
          details: null,
        },
      ]);
      expect(check).toMatchObject({ identify: null, formats: [], preview: [] });
      expect(provider.repo('legacy').requests.length).toBe(sent);
    });

    it('is for signed-in callers, a few checks a minute', async () => {
      expect(errorCode(await gql(strict, CHECK, { input: legacy() }))).toBe('UNAUTHENTICATED');
      // The test before used one of the two checks this minute.
      expect((await gql(strict, CHECK, { input: legacy() }, keys.hn)).errors).toBeUndefined();
      const third = await gql(strict, CHECK, { input: legacy() }, keys.hn);
      expect(errorCode(third)).toBe('RATE_LIMITED');
      expect((await gql(strict, CHECK, { input: legacy() }, keys.hcm)).errors).toBeUndefined();
    });
  });

  describe('sourceDeletionSummary', () => {
    it('names what leaves the index, and deleting takes exactly that', async () => {
      const summary = `query { sourceDeletionSummary(id: "saigon") { sourceId records runs works } }`;
      expect(errorCode(await gql(gateway, summary, {}, keys.hn))).toBe('FORBIDDEN');
      const answer = await gql(gateway, summary, {}, keys.hcm);
      expect(answer.errors).toBeUndefined();
      const onlySaigon = await worksOnlyIn('saigon');
      expect(onlySaigon).toBeLessThan(21); // the shared book, at least, stays
      expect(answer.data!.sourceDeletionSummary).toEqual({
        sourceId: 'saigon',
        records: 21,
        runs: 1,
        works: onlySaigon,
      });
      const worksBefore = (await gql(gateway, WORK_COUNT)).data!.search.totalCount;
      const deleted = await gql(gateway, `mutation { deleteSource(id: "saigon") }`, {}, keys.hcm);
      expect(deleted.errors).toBeUndefined();
      await harvester.get(CatalogueIndex).refresh();
      await until(async () => {
        const works = (await gql(gateway, WORK_COUNT)).data!.search.totalCount;
        expect(works).toBe(worksBefore - onlySaigon);
      });
      const left = await harvester.get(Client).count({
        index: harvester.get(CatalogueIndex).alias,
        query: { term: { sourceId: 'saigon' } },
      });
      expect(left.count).toBe(0);
    });
  });
});
