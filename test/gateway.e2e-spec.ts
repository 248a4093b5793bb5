import { INestApplication } from '@nestjs/common';
import { getIntrospectionQuery } from 'graphql';
import { createServer } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { CatalogueIndex } from '@hop-luu/search-index';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { waitForRun } from './support/harvest-helpers';
import { eventually } from './support/eventually';
import { errorCode, gql, GqlResponse } from './support/graphql-client';
import { SlowProxy, startSlowProxy } from './support/slow-proxy';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

const REGISTER = `mutation($input: RegisterSourceInput!) { registerSource(input: $input) { id repositoryName granularity } }`;
const TRIGGER = `mutation($id: String!, $mode: HarvestMode!) { triggerHarvest(sourceId: $id, mode: $mode) { id status } }`;
const RECORDS = `query($q: String, $f: SearchFilters, $s: SearchSort, $first: Int, $after: String) {
  searchRecords(query: $q, filters: $f, sort: $s, first: $first, after: $after) {
    totalCount records { id title creators year isbn heldBy { sourceId libraryKind } highlights { field fragments } }
    facets { sources { value count } libraryKinds { value count } languages { value count } types { value count } years { value count } provinces { value count } subjects { value count } }
    pageInfo { endCursor hasNextPage } } }`;
const WORKS = `query($q: String, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) {
    totalCount totalCountIsExact recordCount
    works { id holdingsCount representative { title } holdings { sourceId libraryName callNumber } }
    pageInfo { endCursor hasNextPage } } }`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gateway: the GraphQL union catalogue', () => {
  let provider: OaiProvider;
  let env: TestEnv;
  let harvester: INestApplication;
  let gateway: INestApplication;
  /** Same database, but with the production rules: no private addresses, tight limits. */
  let strict: INestApplication;
  const keys: Record<'staff' | 'nlv' | 'hcm', string> = { staff: '', nlv: '', hcm: '' };

  /** registerSource over GraphQL, as a partner would call it. */
  function register(
    app: INestApplication,
    key: string,
    input: {
      id: string;
      baseUrl: string;
      metadataPrefix?: string;
      libraryKind?: string;
      province?: string;
    },
  ) {
    return gql(
      app,
      REGISTER,
      {
        input: {
          libraryName: `Thư viện ${input.id}`,
          libraryKind: 'special',
          metadataPrefix: 'oai_dc',
          ...input,
        },
      },
      key,
    );
  }

  async function harvest(sourceId: string, key: string, mode = 'FULL') {
    const queued = await gql(gateway, TRIGGER, { id: sourceId, mode }, key);
    expect(queued.errors).toBeUndefined();
    const run = await waitForRun(harvester, queued.data!.triggerHarvest.id);
    await harvester.get(CatalogueIndex).refresh();
    return run;
  }

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        {
          name: 'nlv',
          records: 40,
          pageSize: 15,
          generator: { seed: 7, libraryName: 'Thư viện Quốc gia Việt Nam', libraryCode: 'nlv' },
        },
        {
          name: 'hcm',
          records: 40,
          pageSize: 15,
          generator: { seed: 8, libraryName: 'Thư viện KHTH TP.HCM', libraryCode: 'hcm' },
        },
        { name: 'spare', records: 5, generator: { seed: 9 } },
      ],
    });
    // Two titles that fold to the same letters: the one typed with its diacritics must rank first.
    provider.repo('nlv').addRecord({
      title: 'Đường xưa mây trắng',
      author: 'Thích Nhất Hạnh',
      isbn: undefined,
      isbn10: undefined,
    });
    provider.repo('hcm').addRecord({
      title: 'Đương xứa may trang',
      author: 'Nguyễn Văn A',
      isbn: undefined,
      isbn10: undefined,
    });
    // The same words in one title and in another record's summary only: the title ranks first.
    provider.repo('hcm').addRecord({
      title: 'Nghề thủ công truyền thống',
      summary: 'Có một chương về gốm Chu Đậu và các làng nghề quanh Hải Dương.',
      isbn: undefined,
      isbn10: undefined,
    });
    provider.repo('nlv').addRecord({
      title: 'Gốm Chu Đậu',
      isbn: undefined,
      isbn10: undefined,
    });
    env = await isolatedTestEnv('gateway', {
      GATEWAY_RATE_LIMIT_BURST: '10000',
      GATEWAY_RATE_LIMIT_PER_SECOND: '10000',
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
        GATEWAY_MAX_QUERY_DEPTH: '3',
        GATEWAY_MAX_QUERY_COMPLEXITY: '50',
        GATEWAY_RATE_LIMIT_BURST: '5',
        GATEWAY_RATE_LIMIT_PER_SECOND: '1',
      }),
    );
    await strict.init();
    const apiKeys = harvester.get(ApiKeysService);
    keys.staff = (await apiKeys.createKey('Ban Thư viện số — TVQG', 'staff')).key;
    keys.nlv = (await apiKeys.createKey('Thư viện Quốc gia Việt Nam', 'partner')).key;
    keys.hcm = (await apiKeys.createKey('Thư viện KHTH TP.HCM', 'partner')).key;
    for (const [id, prefix, kind, province] of [
      ['nlv', 'marc21', 'national', 'Hà Nội'],
      ['hcm', 'oai_dc', 'provincial', 'TP. Hồ Chí Minh'],
    ] as const) {
      const registered = await register(gateway, keys[id], {
        id,
        libraryKind: kind,
        province,
        baseUrl: provider.baseUrl(id),
        metadataPrefix: prefix,
      });
      expect(registered.errors).toBeUndefined();
      expect(registered.data!.registerSource).toMatchObject({
        id,
        repositoryName: expect.any(String),
      });
      expect((await harvest(id, keys[id])).status).toBe('succeeded');
    }
  }, 180_000);

  afterAll(async () => {
    for (const app of [strict, gateway, harvester]) await app?.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  describe('search', () => {
    it('finds "Lịch sử Việt Nam" typed without diacritics', async () => {
      const result = await gql(gateway, RECORDS, { q: 'lich su viet nam' });
      expect(result.errors).toBeUndefined();
      const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
      expect(titles).toContain('Lịch sử Việt Nam');
    });

    it("matches 'đ' when 'd' is typed", async () => {
      const result = await gql(gateway, RECORDS, { q: 'duong xua may trang' });
      const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
      expect(titles).toEqual(
        expect.arrayContaining(['Đường xưa mây trắng', 'Đương xứa may trang']),
      );
    });

    it('ranks the diacritic-exact match above the folded one', async () => {
      const result = await gql(gateway, RECORDS, { q: 'Đường xưa mây trắng' });
      const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
      expect(titles[0]).toBe('Đường xưa mây trắng');
      expect(titles).toContain('Đương xứa may trang');
    });

    it('ranks a match in the title above the same words in a summary', async () => {
      for (const q of ['gốm Chu Đậu', 'gom chu dau']) {
        const result = await gql(gateway, RECORDS, { q });
        const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
        expect(titles).toEqual(['Gốm Chu Đậu', 'Nghề thủ công truyền thống']);
      }
    });

    it('finds a record by its ISBN in 13- and 10-digit form, with or without hyphens', async () => {
      const some = await gql(gateway, RECORDS, { first: 100 });
      const withIsbn = some.data!.searchRecords.records.find((r: { isbn: string[] }) =>
        r.isbn.some((i) => i.startsWith('978')),
      );
      const isbn13: string = withIsbn.isbn.find((i: string) => i.startsWith('978'));
      const body = isbn13.slice(3, 12);
      const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
      const check = (11 - (sum % 11)) % 11;
      const isbn10 = body + (check === 10 ? 'X' : String(check));
      for (const q of [
        isbn13,
        isbn10,
        `${isbn13.slice(0, 3)}-${isbn13.slice(3)}`,
        `isbn:${isbn10}`,
      ]) {
        const found = await gql(gateway, RECORDS, { q });
        expect(found.data!.searchRecords.records.map((r: { id: string }) => r.id)).toContain(
          withIsbn.id,
        );
      }
    });

    it('supports fielded and boolean syntax', async () => {
      const byAuthor = await gql(gateway, RECORDS, { q: 'author:"nguyen du"' });
      expect(byAuthor.data!.searchRecords.totalCount).toBeGreaterThan(0);
      for (const r of byAuthor.data!.searchRecords.records)
        expect(r.creators.join(' ')).toMatch(/Nguyễn Du/);
      const excluded = await gql(gateway, RECORDS, { q: 'truyen kieu -author:"nguyen du"' });
      for (const r of excluded.data!.searchRecords.records)
        expect(r.creators.join(' ')).not.toMatch(/Nguyễn Du/);
    });

    it('returns highlights of the matching words', async () => {
      const result = await gql(gateway, RECORDS, { q: 'truyện kiều' });
      const top = result.data!.searchRecords.records[0];
      const title = top.highlights.find((h: { field: string }) => h.field === 'title');
      // Marked in the title as the library wrote it, not in its lower-case search form.
      expect(title.fragments[0]).toContain('<em>Kiều</em>');
      expect(title.fragments[0].replace(/<\/?em>/g, '')).toBe(top.title);
    });

    it('filters by library kind, province, language, type and year range, with facet counts that add up', async () => {
      const all = await gql(gateway, RECORDS, { first: 1 });
      const facets = all.data!.searchRecords.facets;
      const total = all.data!.searchRecords.totalCount;
      expect(facets.sources.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(
        total,
      );
      expect(facets.libraryKinds.map((b: { value: string }) => b.value).sort()).toEqual([
        'national',
        'provincial',
      ]);

      const national = await gql(gateway, RECORDS, {
        f: { libraryKinds: ['national'] },
        first: 100,
      });
      expect(national.data!.searchRecords.totalCount).toBe(
        facets.libraryKinds.find((b: { value: string }) => b.value === 'national').count,
      );
      for (const r of national.data!.searchRecords.records)
        expect(r.heldBy).toMatchObject({ sourceId: 'nlv', libraryKind: 'national' });

      const vie = facets.languages.find((b: { value: string }) => b.value === 'vie');
      const filtered = await gql(gateway, RECORDS, {
        f: { languages: ['vie'], provinces: ['Hà Nội', 'TP. Hồ Chí Minh'] },
        first: 1,
      });
      expect(filtered.data!.searchRecords.totalCount).toBe(vie.count);

      const years = await gql(gateway, RECORDS, {
        f: { yearFrom: 2000, yearTo: 2010, types: ['book'] },
        first: 100,
      });
      for (const r of years.data!.searchRecords.records)
        expect(r.year).toBeGreaterThanOrEqual(2000);
      for (const r of years.data!.searchRecords.records) expect(r.year).toBeLessThanOrEqual(2010);
    });

    it('sorts by year and by title', async () => {
      const byYear = await gql(gateway, RECORDS, { s: 'YEAR_DESC', first: 50 });
      const years = byYear.data!.searchRecords.records.map(
        (r: { year: number | null }) => r.year ?? -1,
      );
      expect(years).toEqual([...years].sort((a, b) => b - a));
      const byTitle = await gql(gateway, RECORDS, { s: 'TITLE', first: 50 });
      const titles = byTitle.data!.searchRecords.records.map((r: { title: string }) => r.title);
      const folded = titles.map((t: string) =>
        t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase(),
      );
      expect(folded).toEqual([...folded].sort());
    });

    it('pages through every record to the last page, no repeats, no gaps', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let total = 0;
      for (let page = 0; page < 50; page++) {
        const result = await gql(gateway, RECORDS, {
          q: 'lich su',
          first: 7,
          after,
          s: 'RELEVANCE',
        });
        const data = result.data!.searchRecords;
        total = data.totalCount;
        seen.push(...data.records.map((r: { id: string }) => r.id));
        if (!data.pageInfo.hasNextPage) break;
        after = data.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
      expect(total).toBeGreaterThan(7);
    });

    it('refuses a cursor from another search, and oversized pages, with codes', async () => {
      const first = await gql(gateway, RECORDS, { q: 'lich su', first: 2 });
      const reused = await gql(gateway, RECORDS, {
        q: 'truyen kieu',
        first: 2,
        after: first.data!.searchRecords.pageInfo.endCursor,
      });
      expect(errorCode(reused)).toBe('BAD_CURSOR');
      expect(reused.errors![0].message).toMatch(/different query/);
      expect(JSON.stringify(reused.errors)).not.toMatch(/stack|at .*\.ts/);
      expect(errorCode(await gql(gateway, RECORDS, { first: 500 }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('the union view', () => {
    it('groups a work held by two libraries, and cluster(id) shows the evidence', async () => {
      const result = await gql(gateway, WORKS, { q: 'truyện kiều nguyễn du', first: 10 });
      expect(result.errors).toBeUndefined();
      const shared = result.data!.search.works.find(
        (w: { holdingsCount: number }) => w.holdingsCount >= 2,
      );
      expect(shared.representative.title).toBe('Truyện Kiều');
      expect(shared.holdings.map((h: { sourceId: string }) => h.sourceId).sort()).toEqual([
        'hcm',
        'nlv',
      ]);

      const cluster = await gql(
        gateway,
        `query($id: String!) { cluster(id: $id) { id evidence { key basis isbn title creator year } records { id heldBy { sourceId libraryName } } } }`,
        { id: shared.id },
      );
      expect(cluster.data!.cluster.records).toHaveLength(shared.holdingsCount);
      expect(['isbn', 'title']).toContain(cluster.data!.cluster.evidence.basis);
      expect(cluster.data!.cluster.evidence.key).toBe(shared.id);
    });

    it('keeps different editions of a work apart', async () => {
      const result = await gql(gateway, WORKS, { q: 'truyen kieu', first: 20 });
      const kieu = result.data!.search.works.filter(
        (w: { representative: { title: string } }) => w.representative.title === 'Truyện Kiều',
      );
      expect(kieu.length).toBeGreaterThan(1);
      expect(new Set(kieu.map((w: { id: string }) => w.id)).size).toBe(kieu.length);
    });

    it('counts works (not records) and pages through all of them', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let first:
        { totalCount: number; recordCount: number; totalCountIsExact: boolean } | undefined;
      for (let page = 0; page < 100; page++) {
        const data = (await gql(gateway, WORKS, { first: 9, after })).data!.search;
        first ??= data;
        seen.push(...data.works.map((w: { id: string }) => w.id));
        if (!data.pageInfo.hasNextPage) break;
        after = data.pageInfo.endCursor;
      }
      expect(first!.totalCountIsExact).toBe(true);
      expect(first!.totalCount).toBeLessThan(first!.recordCount);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(first!.totalCount);
    });
  });

  describe('records and suggestions', () => {
    it('looks records up by id, batching several, null for unknown ones', async () => {
      const page = await gql(gateway, RECORDS, { first: 2 });
      const [a, b] = page.data!.searchRecords.records.map((r: { id: string }) => r.id);
      const one = await gql(gateway, `query($id: ID!) { record(id: $id) { id title } }`, { id: a });
      expect(one.data!.record.id).toBe(a);
      const many = await gql(gateway, `query($ids: [ID!]!) { records(ids: $ids) { id } }`, {
        ids: [b, 'nlv:missing', a],
      });
      expect(many.data!.records).toEqual([{ id: b }, null, { id: a }]);
    });

    it('suggests titles for a prefix typed with or without diacritics', async () => {
      for (const prefix of ['lịch s', 'lich s']) {
        const result = await gql(
          gateway,
          `query($p: String!) { suggest(prefix: $p) { title recordId } }`,
          { p: prefix },
        );
        expect(result.data!.suggest.map((s: { title: string }) => s.title)).toContain(
          'Lịch sử Việt Nam',
        );
      }
    });
  });

  describe('sources, runs and access', () => {
    const SOURCES = `{ sources { id recordCount health lastRun { status recordsIndexed } } }`;

    it('lists sources with record counts and health; a partner sees only its own, with their last runs', async () => {
      const anonymous = await gql(gateway, SOURCES);
      const nlv = anonymous.data!.sources.find((s: { id: string }) => s.id === 'nlv');
      expect(nlv).toMatchObject({ recordCount: 42, health: 'OK', lastRun: null });
      const owner = await gql(gateway, SOURCES, {}, keys.nlv);
      expect(owner.data!.sources.find((s: { id: string }) => s.id === 'nlv').lastRun).toMatchObject(
        { status: 'succeeded', recordsIndexed: 42 },
      );
      expect(owner.data!.sources.map((s: { id: string }) => s.id)).not.toContain('hcm');
      const other = await gql(gateway, `{ source(id: "hcm") { id } }`, {}, keys.nlv);
      expect(other.data!.source).toBeNull();
      const staff = await gql(gateway, SOURCES, {}, keys.staff);
      expect(staff.data!.sources.every((s: { lastRun: unknown }) => s.lastRun !== null)).toBe(true);
    });

    it('shows harvest runs to partners for their own sources only, to staff for all, and not to anonymous callers', async () => {
      const RUNS = `{ harvestRuns(first: 50) { runs { id sourceId status errors { code } } endCursor } }`;
      const partner = await gql(gateway, RUNS, {}, keys.hcm);
      expect(partner.data!.harvestRuns.runs.map((r: { sourceId: string }) => r.sourceId)).toEqual([
        'hcm',
      ]);
      const staff = await gql(gateway, RUNS, {}, keys.staff);
      expect(
        staff.data!.harvestRuns.runs.map((r: { sourceId: string }) => r.sourceId).sort(),
      ).toEqual(['hcm', 'nlv']);
      expect(errorCode(await gql(gateway, RUNS))).toBe('UNAUTHENTICATED');
      const nlvRun = staff.data!.harvestRuns.runs.find(
        (r: { sourceId: string }) => r.sourceId === 'nlv',
      );
      const denied = await gql(
        gateway,
        `query($id: ID!) { harvestRun(id: $id) { id } }`,
        { id: nlvRun.id },
        keys.hcm,
      );
      expect(errorCode(denied)).toBe('FORBIDDEN');
      expect(
        errorCode(
          await gql(
            gateway,
            RUNS,
            {},
            'hl_0000000000_not-a-real-key-not-a-real-key-not-a-real-key-0',
          ),
        ),
      ).toBe('UNAUTHENTICATED');
    });

    it('stores API keys only as hashes', async () => {
      const rows: { prefix: string; secret_hash: string }[] = await harvester
        .get(DataSource)
        .query('SELECT prefix, secret_hash FROM api_keys');
      expect(rows).toHaveLength(3);
      for (const key of Object.values(keys)) {
        const secret = key.split('_').slice(2).join('_');
        expect(JSON.stringify(rows)).not.toContain(secret);
        expect(rows.map((row) => row.prefix)).toContain(key.split('_')[1]);
      }
    });

    it("refuses a partner touching another partner's source", async () => {
      for (const mutation of [
        `mutation { setSourceEnabled(id: "nlv", enabled: false) { id } }`,
        `mutation { updateSource(id: "nlv", input: { libraryName: "Hijacked" }) { id } }`,
        `mutation { deleteSource(id: "nlv") }`,
        `mutation { triggerHarvest(sourceId: "nlv", mode: FULL) { id } }`,
      ]) {
        const result = await gql(gateway, mutation, {}, keys.hcm);
        expect(errorCode(result)).toBe('FORBIDDEN');
        expect(result.errors![0].message).toMatch(/belongs to another partner/);
      }
      const source = await gql(gateway, `{ source(id: "nlv") { libraryName enabled } }`);
      expect(source.data!.source).toEqual({ libraryName: 'Thư viện nlv', enabled: true });
    });

    it('lets the owner update, disable and re-enable its source, and staff trigger harvests', async () => {
      const updated = await gql(
        gateway,
        `mutation { updateSource(id: "hcm", input: { schedule: "0 3 * * *", province: "TP.HCM" }) { schedule province } }`,
        {},
        keys.hcm,
      );
      expect(updated.data!.updateSource).toEqual({ schedule: '0 3 * * *', province: 'TP.HCM' });
      const bad = await gql(
        gateway,
        `mutation { updateSource(id: "hcm", input: { schedule: "whenever" }) { id } }`,
        {},
        keys.hcm,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(
        (
          await gql(
            gateway,
            `mutation { setSourceEnabled(id: "hcm", enabled: false) { enabled } }`,
            {},
            keys.hcm,
          )
        ).data!.setSourceEnabled.enabled,
      ).toBe(false);
      expect((await gql(gateway, `{ source(id: "hcm") { health } }`)).data!.source.health).toBe(
        'DISABLED',
      );
      await gql(
        gateway,
        `mutation { setSourceEnabled(id: "hcm", enabled: true) { enabled } }`,
        {},
        keys.hcm,
      );
      const run = await harvest('hcm', keys.staff, 'INCREMENTAL');
      expect(run.status).toBe('succeeded');
    });

    it('validates a new endpoint live and refuses a prefix it does not offer', async () => {
      const result = await register(gateway, keys.hcm, {
        id: 'spare',
        baseUrl: provider.baseUrl('spare'),
        metadataPrefix: 'mods',
      });
      expect(errorCode(result)).toBe('SOURCE_ENDPOINT_UNUSABLE');
      expect(result.errors![0].message).toMatch(/does not offer metadataPrefix "mods".*oai_dc/);
      const dead = await register(gateway, keys.hcm, {
        id: 'dead',
        baseUrl: `${provider.origin}/oai/nothing-here`,
      });
      expect(errorCode(dead)).toBe('SOURCE_ENDPOINT_UNUSABLE');
    });

    it('deletes a source and its records leave the catalogue', async () => {
      const added = await register(gateway, keys.hcm, {
        id: 'spare',
        baseUrl: provider.baseUrl('spare'),
      });
      expect(added.errors).toBeUndefined();
      await harvest('spare', keys.hcm);
      const before = await gql(gateway, RECORDS, { f: { sourceIds: ['spare'] }, first: 1 });
      expect(before.data!.searchRecords.totalCount).toBe(5);
      // Another replica (same database and index) has the search in memory.
      const spareCount = `{ searchRecords(filters: { sourceIds: ["spare"] }, first: 1) { totalCount } }`;
      const countOn = async (app: INestApplication) =>
        (await gql(app, spareCount)).data?.searchRecords.totalCount;
      expect(await countOn(strict)).toBe(5);
      expect(
        (await gql(gateway, `mutation { deleteSource(id: "spare") }`, {}, keys.hcm)).data!
          .deleteSource,
      ).toBe(true);
      const after = await gql(gateway, RECORDS, { f: { sourceIds: ['spare'] }, first: 1 });
      expect(after.data!.searchRecords.totalCount).toBe(0);
      expect((await gql(gateway, `{ source(id: "spare") { id } }`)).data!.source).toBeNull();
      // Well within the other replica's cache lifetimes (10 s): it heard of the deletion. Slow
      // polls stay within its rate limit, so a stale answer would show as 5.
      expect(await eventually(() => countOn(strict), 0, 1200, 400)).toBe(0);
    });
  });

  describe('safety', () => {
    it.each([
      ['loopback', 'http://127.0.0.1:9/oai'],
      ['private', 'http://10.1.2.3/oai'],
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data'],
      ['localhost name', 'http://localhost:8080/oai'],
    ])(
      'refuses to register a %s endpoint unless configured to allow it',
      async (_kind, baseUrl) => {
        const result = await register(strict, keys.staff, { id: 'sneaky', baseUrl });
        expect(errorCode(result)).toBe('SOURCE_ADDRESS_NOT_ALLOWED');
        expect(result.errors![0].message).toMatch(/loopback|private/);
      },
    );

    it('refuses queries nested too deep or too costly', async () => {
      const deep = await gql(
        strict,
        `{ search(first: 1) { works { representative { cluster { key } } } } }`,
        {},
        keys.staff,
      );
      expect(errorCode(deep)).toBe('QUERY_TOO_DEEP');
      const costly = await gql(
        strict,
        `{ searchRecords(first: 100) { records { id title } } }`,
        {},
        keys.nlv,
      );
      expect(errorCode(costly)).toBe('QUERY_TOO_COMPLEX');
    });

    it('rate-limits each caller separately', async () => {
      const codes: unknown[] = [];
      for (let i = 0; i < 20; i++)
        codes.push(errorCode(await gql(strict, `{ sources { id } }`, {}, keys.hcm)));
      expect(codes.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
      expect(codes).toContain('RATE_LIMITED');
    });

    describe('anonymous callers behind a reverse proxy', () => {
      const body = JSON.stringify({
        query: '{ searchRecords(query: "gốm", first: 1) { totalCount } }',
      });
      /** Gateways allowing 5 requests at once per caller; `proxied` trusts loopback proxies. */
      let untrusting: INestApplication;
      let proxied: INestApplication;
      const limitedGateway = async (trustedProxies?: string) => {
        const app = await createApp(
          gatewayApp,
          loadConfig({
            ...process.env,
            ...env,
            GATEWAY_TRUSTED_PROXIES: trustedProxies,
            GATEWAY_RATE_LIMIT_BURST: '5',
            GATEWAY_RATE_LIMIT_PER_SECOND: '1',
          }),
        );
        return app.init();
      };
      beforeAll(async () => {
        untrusting = await limitedGateway();
        proxied = await limitedGateway('loopback');
      });
      afterAll(async () => {
        for (const app of [untrusting, proxied]) await app?.close();
      });

      /** Codes of `count` anonymous searches, each claiming to come from `forwardedFor(i)`. */
      async function codesFor(
        app: INestApplication,
        count: number,
        forwardedFor: (i: number) => string,
      ) {
        const codes: unknown[] = [];
        for (let i = 0; i < count; i++) {
          const response = await request(app.getHttpServer())
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('x-forwarded-for', forwardedFor(i))
            .send(body);
          codes.push(errorCode(response.body as GqlResponse));
        }
        return codes;
      }

      it('cannot dodge the rate limit by naming another address in X-Forwarded-For', async () => {
        const codes = await codesFor(untrusting, 12, (i) => `203.0.113.${i + 1}`);
        expect(codes).toContain('RATE_LIMITED');
      });

      it('are told apart by the address a trusted proxy forwards', async () => {
        expect(await codesFor(proxied, 12, () => '203.0.113.7')).toContain('RATE_LIMITED');
        const other = await codesFor(proxied, 3, () => '203.0.113.8');
        expect(other).toEqual([undefined, undefined, undefined]);
      });
    });
  });

  describe('while Elasticsearch is not answering', () => {
    /** A gateway on the real database whose Elasticsearch address has nothing listening. */
    let blind: INestApplication;
    beforeAll(async () => {
      const port = await closedPort();
      blind = await createApp(
        gatewayApp,
        loadConfig({ ...process.env, ...env, ELASTICSEARCH_URL: `http://127.0.0.1:${port}` }),
      );
      await blind.init();
    });
    afterAll(async () => {
      await blind?.close();
    });

    it('answers searches with SEARCH_UNAVAILABLE and what to do, not an internal error', async () => {
      const result = await gql(blind, `{ search(query: "gốm") { totalCount } }`);
      expect(errorCode(result)).toBe('SEARCH_UNAVAILABLE');
      expect(result.errors![0].message).toMatch(/not answering.*try again/);
    });

    it('still lists sources and their runs, their record counts null with the reason', async () => {
      const result = await gql<{ sources: { id: string; recordCount: number | null }[] }>(
        blind,
        `{ sources { id recordCount health lastRun { status } } }`,
        {},
        keys.staff,
      );
      expect(result.data!.sources.map((s) => s.id).sort()).toEqual(['hcm', 'nlv']);
      expect(result.data!.sources.every((s) => s.recordCount === null)).toBe(true);
      expect(result.errors!.map((e) => e.extensions?.code)).toEqual([
        'SEARCH_UNAVAILABLE',
        'SEARCH_UNAVAILABLE',
      ]);
      const runs = await gql<{ harvestRuns: { runs: { status: string }[] } }>(
        blind,
        `{ harvestRuns(first: 5) { runs { status } } }`,
        {},
        keys.staff,
      );
      expect(runs.errors).toBeUndefined();
      expect(runs.data!.harvestRuns.runs.length).toBeGreaterThan(0);
    });

    it('says it is not ready, naming Elasticsearch', async () => {
      const ready = await request(blind.getHttpServer()).get('/health/ready').expect(503);
      expect(ready.body.error.elasticsearch.message).toMatch(/unreachable.*ELASTICSEARCH_URL/);
    });
  });

  describe('when a client gives up on a search', () => {
    /** A gateway whose Elasticsearch answers take 1.5 s to come back. */
    let slow: SlowProxy;
    let patient: INestApplication;
    beforeAll(async () => {
      slow = await startSlowProxy(loadConfig({ ...process.env, ...env }).elasticsearch.url, 1500);
      patient = await createApp(
        gatewayApp,
        loadConfig({ ...process.env, ...env, ELASTICSEARCH_URL: slow.url }),
      );
      await patient.init();
    }, 30_000);
    afterAll(async () => {
      await patient?.close();
      await slow?.close();
    });

    it('waits for a slow Elasticsearch while the client waits', async () => {
      const result = await gql(patient, `{ searchRecords(query: "gốm", first: 1) { totalCount } }`);
      expect(result.data!.searchRecords.totalCount).toBeGreaterThan(0);
      expect(slow.abandoned()).toBe(0);
    });

    it('stops the Elasticsearch search once the client has gone', async () => {
      const given = request(patient.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .timeout(300)
        .send({ query: `{ search(query: "lịch sử", first: 1) { totalCount } }` });
      await expect(given).rejects.toThrow(/Timeout/);
      // The proxy sees the gateway close its connection with the answer still on the way.
      expect(await eventually(async () => slow.abandoned(), 1, 1000)).toBe(1);
    });
  });

  describe('answers from memory', () => {
    /** A raw POST, so the test sees the bytes and headers a client gets. */
    function post(app: INestApplication, body: string, apiKey?: string) {
      const call = request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json');
      if (apiKey) call.set('x-api-key', apiKey);
      return call.send(body);
    }
    const search = (q: string) => JSON.stringify({ query: RECORDS, variables: { q, first: 3 } });

    it('answers a repeated anonymous search from memory, byte for byte', async () => {
      const body = search('văn hóa dân gian');
      const first = await post(gateway, body).expect(200);
      const second = await post(gateway, body).expect(200);
      expect(first.headers['x-cache']).toBeUndefined();
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.text).toBe(first.text);
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    });

    it('renews an answer in use before it is too old, one request going on to renew it', async () => {
      // 8 s in all: answers live 2 s and are renewed from 1.33 s on (cache-ages.ts).
      const quick = await createApp(
        gatewayApp,
        loadConfig({ ...process.env, ...env, GATEWAY_SEARCH_CACHE_SECONDS: '8' }),
      );
      await quick.init();
      try {
        const body = search('địa lý');
        await post(quick, body).expect(200);
        await pause(1600);
        const pair = await Promise.all([post(quick, body), post(quick, body)]);
        expect(pair.map((r) => r.headers['x-cache']).sort()).toEqual(['hit', undefined]);
        expect(pair[0].text).toBe(pair[1].text);
        expect((await post(quick, body)).headers['x-cache']).toBe('hit');
        await pause(2100);
        expect((await post(quick, body)).headers['x-cache']).toBeUndefined();
      } finally {
        await quick.close();
      }
    });

    it('never shares answers given to an API key, with errors, or outside the catalogue', async () => {
      // [body, API key, HTTP status]: a page too large is the client's error, a 400.
      const cases: [string, string | undefined, number][] = [
        [search('lịch sử'), keys.nlv, 200],
        [JSON.stringify({ query: RECORDS, variables: { q: 'huế', first: 500 } }), undefined, 400],
        [JSON.stringify({ query: '{ sources { id recordCount } }' }), undefined, 200],
      ];
      for (const [body, key, status] of cases) {
        await post(gateway, body, key).expect(status);
        const again = await post(gateway, body, key).expect(status);
        expect(again.headers['x-cache']).toBeUndefined();
      }
    });

    it('still applies the rate limit to answers from memory', async () => {
      // Within the strict gateway's complexity limit, so its answer may be kept.
      const body = JSON.stringify({
        query: '{ searchRecords(query: "kinh tế", first: 1) { totalCount } }',
      });
      const codes: unknown[] = [];
      let hits = 0;
      for (let i = 0; i < 12; i++) {
        const response = await post(strict, body);
        if (response.headers['x-cache'] === 'hit') hits++;
        codes.push((response.body as GqlResponse).errors?.[0]?.extensions?.code);
      }
      expect(hits).toBeGreaterThan(0);
      expect(codes).toContain('RATE_LIMITED');
    });

    it('gzips answers for clients that take it, from memory too, and only for them', async () => {
      const body = JSON.stringify({ query: RECORDS, variables: { q: 'Việt Nam', first: 10 } });
      const as = (encoding: string) =>
        request(gateway.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('accept-encoding', encoding)
          .send(body)
          .expect(200);
      const first = await as('gzip, deflate, br');
      const replayed = await as('gzip');
      const plain = await as('identity');
      expect(first.headers['content-encoding']).toBe('gzip');
      expect(replayed.headers['x-cache']).toBe('hit');
      expect(replayed.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['x-cache']).toBe('hit');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Number(plain.headers['content-length'])).toBeGreaterThan(1024);
      // The client unpacks gzip: all three carry the same answer.
      expect(replayed.text).toBe(plain.text);
      expect(first.text).toBe(plain.text);
    });

    it('gzips what Express answers too, such as the explorer and API-key answers', async () => {
      const page = await request(gateway.getHttpServer()).get('/explorer').expect(200);
      const script = page.text.match(/src="([^"]+\.js)"/)![1];
      const asset = await request(gateway.getHttpServer())
        .get(script)
        .set('accept-encoding', 'gzip')
        .expect(200);
      expect(asset.headers['content-encoding']).toBe('gzip');
      const tenRecords = JSON.stringify({
        query: RECORDS,
        variables: { q: 'Việt Nam', first: 10 },
      });
      const keyed = await post(gateway, tenRecords, keys.staff)
        .set('accept-encoding', 'gzip')
        .expect(200);
      expect(keyed.headers['x-cache']).toBeUndefined();
      expect(keyed.headers['content-encoding']).toBe('gzip');
    });

    it('refuses a body that is not JSON, saying what to send', async () => {
      const response = await post(gateway, '{"query": "{ search { totalCount } ').expect(400);
      expect(response.body.message).toMatch(/not valid JSON.*send an object such as/);
    });
  });

  describe('metrics', () => {
    const scrape = (apiKey?: string) => {
      const call = request(gateway.getHttpServer()).get('/metrics');
      return apiKey ? call.set('authorization', `Bearer ${apiKey}`) : call;
    };
    const valueOf = (text: string, series: string) =>
      Number(
        text
          .split('\n')
          .find((line) => line.startsWith(`${series} `))
          ?.split(' ')[1],
      );

    it('shows staff how searches were answered', async () => {
      const before = valueOf(
        (await scrape(keys.staff).expect(200)).text,
        'hopluu_gateway_answers_from_memory_total',
      );
      const body = { query: '{ searchRecords(query: "dân ca quan họ", first: 1) { totalCount } }' };
      for (let i = 0; i < 3; i++)
        await request(gateway.getHttpServer()).post('/graphql').send(body);
      const text = (await scrape(keys.staff).expect(200)).text;
      expect(valueOf(text, 'hopluu_gateway_answers_from_memory_total')).toBe(before + 2);
      expect(text).toMatch(/hopluu_gateway_search_results_total\{source="elasticsearch"\} [1-9]/);
      expect(text).toMatch(
        /hopluu_gateway_elasticsearch_search_seconds_count\{view="records"\} [1-9]/,
      );
    });

    it('are refused to anyone but staff, saying what to send', async () => {
      const anonymous = await scrape().expect(403);
      expect(anonymous.body.message).toMatch(/staff API key/);
      await scrape(keys.hcm).expect(403);
      const unknown = await scrape('hl_not-a-key').expect(401);
      expect(unknown.body.message).toMatch(/API key is not valid/);
    });
  });

  describe('explorer', () => {
    it('serves a GraphQL explorer with every asset from the gateway itself', async () => {
      const page = await request(gateway.getHttpServer()).get('/explorer').expect(200);
      const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBe(5);
      for (const asset of assets) {
        expect(asset.startsWith('/explorer/assets/')).toBe(true);
        const response = await request(gateway.getHttpServer()).get(asset).expect(200);
        expect(
          Number(response.headers['content-length'] ?? response.text?.length ?? 1),
        ).toBeGreaterThan(0);
      }
    });

    it('answers the introspection query explorers send, whatever the depth limit', async () => {
      const result = await gql(strict, getIntrospectionQuery(), {}, keys.nlv);
      expect(result.errors).toBeUndefined();
      expect(result.data!.__schema.queryType.name).toBe('Query');
    });

    it('describes every type and field in the schema', async () => {
      const result = await gql(
        gateway,
        `{ __schema { types { name description fields { name description } } } }`,
      );
      const ours = result.data!.__schema.types.filter(
        (t: { name: string }) =>
          !t.name.startsWith('__') &&
          !['String', 'Int', 'Boolean', 'ID', 'Float', 'DateTime'].includes(t.name),
      );
      const missing = ours.flatMap(
        (t: {
          name: string;
          description: string | null;
          fields: { name: string; description: string | null }[] | null;
        }) => [
          ...(t.description ? [] : [t.name]),
          ...(t.fields ?? []).filter((f) => !f.description).map((f) => `${t.name}.${f.name}`),
        ],
      );
      expect(missing).toEqual([]);
    });
  });
});

/** A loopback port nothing listens on: bound once to pick it, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
