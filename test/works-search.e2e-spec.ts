import { INestApplication } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { normalizeRecord } from '@hop-luu/records';
import {
  CatalogueDocument,
  CatalogueIndex,
  LibraryInfo,
  syncWorks,
  toCatalogueDocument,
  toWorkDocument,
  updateRecordWorks,
  WorksIndex,
  writeBulk,
} from '@hop-luu/search-index';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { gql } from './support/graphql-client';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

/** More works than the 10,000 an Elasticsearch result window (and the old works view) reaches. */
const WORKS = 10_200;
/** Every third work is held by the provincial library too. */
const SHARED_EVERY = 3;
const SHARED = Math.ceil(WORKS / SHARED_EVERY);

const NATIONAL: LibraryInfo = {
  name: 'Thư viện Quốc gia Việt Nam',
  kind: 'national',
  province: 'Hà Nội',
};
const PROVINCIAL: LibraryInfo = {
  name: 'Thư viện tỉnh Thừa Thiên Huế',
  kind: 'provincial',
  province: 'Huế',
};

const workIdOf = (n: number) => `w${String(n).padStart(6, '0')}`;

/** One record of work n at a library, normalised and made a document as the harvester does. */
function recordOf(n: number, sourceId: string, library: LibraryInfo): CatalogueDocument {
  const language = n % 2 === 0 ? 'vie' : 'eng';
  const result = normalizeRecord({
    sourceId,
    oaiIdentifier: `oai:${sourceId}:${n}`,
    datestamp: '2024-01-01T00:00:00Z',
    deleted: false,
    setSpecs: [],
    metadataPrefix: 'oai_dc',
    metadataXml:
      '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:title>Tuyển tập số ${n}</dc:title><dc:creator>Nguyễn Văn ${n % 97}</dc:creator>` +
      `<dc:date>${1950 + (n % 70)}</dc:date><dc:language>${language}</dc:language><dc:type>book</dc:type>` +
      `<dc:identifier>KHO-${sourceId}-${n}</dc:identifier></oai_dc:dc>`,
  });
  if (!result.ok) throw new Error(result.error.message);
  return toCatalogueDocument(result.record, library, {
    id: workIdOf(n),
    rule: n % SHARED_EVERY === 0 && sourceId === 'hue' ? 'title-author' : 'first-record',
    facts: n % SHARED_EVERY === 0 && sourceId === 'hue' ? ['title similarity 1.00'] : [],
    joinedWith: n % SHARED_EVERY === 0 && sourceId === 'hue' ? `nlv:oai:nlv:${n}` : undefined,
  });
}

const PAGE = `query($f: SearchFilters, $s: SearchSort, $after: String) {
  search(filters: $f, sort: $s, first: 100, after: $after) {
    totalCount recordCount
    works { id holdingsCount holdings { sourceId libraryKind province } }
    facets { sources { value count } libraryKinds { value count } provinces { value count } languages { value count } }
    pageInfo { endCursor hasNextPage } } }`;

interface WorksPage {
  totalCount: number;
  recordCount: number;
  works: { id: string; holdingsCount: number; holdings: { sourceId: string }[] }[];
  facets: Record<string, { value: string; count: number }[]>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

const counts = (buckets: { value: string; count: number }[]) =>
  Object.fromEntries(buckets.map((bucket) => [bucket.value, bucket.count]));

describe('works search over the works index', () => {
  let env: TestEnv;
  let gateway: INestApplication;
  let client: Client;
  let records: CatalogueIndex;
  let works: WorksIndex;

  beforeAll(async () => {
    env = await isolatedTestEnv('works_search', {
      GATEWAY_RATE_LIMIT_BURST: '10000',
      GATEWAY_RATE_LIMIT_PER_SECOND: '10000',
    });
    const config = loadConfig({ ...process.env, ...env });
    client = new Client({ node: config.elasticsearch.url, requestTimeout: 60_000 });
    records = new CatalogueIndex(client, config.elasticsearch.indexPrefix);
    works = new WorksIndex(client, config.elasticsearch.indexPrefix);
    await records.ensure();
    await works.ensure();
    const documents: CatalogueDocument[] = [];
    for (let n = 0; n < WORKS; n++) {
      documents.push(recordOf(n, 'nlv', NATIONAL));
      if (n % SHARED_EVERY === 0) documents.push(recordOf(n, 'hue', PROVINCIAL));
    }
    for (let i = 0; i < documents.length; i += 2000) {
      const batch = documents.slice(i, i + 2000);
      const written = await writeBulk(
        client,
        records.alias,
        batch.map((document) => ({ kind: 'index', id: document.id, document })),
      );
      expect(written.failures).toEqual([]);
    }
    // The works store's path: each work with its exact members, read back from the records alias.
    const members = new Map<string, string[]>();
    for (const doc of documents)
      members.set(doc.work.id, [...(members.get(doc.work.id) ?? []), doc.id]);
    const synced = await syncWorks(
      client,
      { records: records.alias, works: works.alias },
      [...members].map(([workId, memberIds]) => ({ workId, memberIds })),
    );
    expect(synced).toMatchObject({ indexed: WORKS, failures: [] });
    await records.refresh();
    await works.refresh();
    gateway = await (await createApp(gatewayApp, config)).init();
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await client?.close();
    if (env) await removeTestEnv(env);
  });

  const page = async (variables: Record<string, unknown>): Promise<WorksPage> => {
    const result = await gql(gateway, PAGE, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.search as WorksPage;
  };

  it('pages through every one of 10,200 works, past 10,000, with an exact count and facets counting works', async () => {
    const seen = new Set<string>();
    let after: string | undefined;
    let first: WorksPage | undefined;
    let pages = 0;
    for (;;) {
      const current = await page({ after });
      first ??= current;
      pages++;
      for (const work of current.works) seen.add(work.id);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor!;
    }
    expect(pages).toBe(Math.ceil(WORKS / 100));
    expect(seen.size).toBe(WORKS);
    expect(first!.totalCount).toBe(WORKS);
    expect(first!.recordCount).toBe(WORKS + SHARED);
    // How many works each library holds (not how many records).
    expect(counts(first!.facets.sources)).toEqual({ nlv: WORKS, hue: SHARED });
    expect(counts(first!.facets.libraryKinds)).toEqual({ national: WORKS, provincial: SHARED });
    expect(counts(first!.facets.provinces)).toEqual({ 'Hà Nội': WORKS, Huế: SHARED });
    expect(counts(first!.facets.languages)).toEqual({ vie: WORKS / 2, eng: WORKS / 2 });
  }, 60_000);

  it('keeps a cursor to its own search, and pages a filtered search by year to its end', async () => {
    const filters = { f: { provinces: ['Huế'] }, s: 'YEAR_DESC' };
    const start = await page(filters);
    expect(start.totalCount).toBe(SHARED);
    expect(start.recordCount).toBe(SHARED);
    // The holdings shown are the ones the filters allow.
    expect(start.works.every((work) => work.holdings.every((h) => h.sourceId === 'hue'))).toBe(
      true,
    );
    expect(start.works.every((work) => work.holdingsCount === 1)).toBe(true);
    const reused = await gql(gateway, PAGE, { after: start.pageInfo.endCursor });
    expect(reused.errors?.[0].extensions?.code).toBe('BAD_CURSOR');
    let after = start.pageInfo.endCursor!;
    let total = start.works.length;
    for (;;) {
      const next = await page({ ...filters, after });
      total += next.works.length;
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor!;
    }
    expect(total).toBe(SHARED);
  }, 30_000);

  it("matches library filters together on one holding, not across a work's libraries", async () => {
    const mixed = await page({ f: { libraryKinds: ['national'], provinces: ['Huế'] } });
    expect(mixed.totalCount).toBe(0);
    expect(mixed.recordCount).toBe(0);
    const both = await page({ f: { libraryKinds: ['provincial'], provinces: ['Huế'] } });
    expect(both.totalCount).toBe(SHARED);
    // The records behind them that pass both filters: the Huế library's, not the national one's.
    expect(both.recordCount).toBe(SHARED);
    const national = await page({ f: { libraryKinds: ['national'], provinces: ['Hà Nội'] } });
    expect(national.recordCount).toBe(WORKS);
  });

  it('moves a record to a work of its own: records and works follow, with the evidence', async () => {
    const indexes = { records: records.alias, works: works.alias };
    const moved = 'hue:oai:hue:0';
    const alone = { id: 'w-split-0', rule: 'curator-split', facts: ['split by a curator'] };
    await updateRecordWorks(client, records.alias, [{ recordId: moved, work: alone }]);
    await syncWorks(client, indexes, [
      { workId: workIdOf(0), memberIds: ['nlv:oai:nlv:0'] },
      { workId: alone.id, memberIds: [moved] },
    ]);
    await records.refresh();
    await works.refresh();
    const CLUSTER = `query($id: String!) { cluster(id: $id) { id members { rule facts joinedWith record { id work { id rule } } } } }`;
    const split = await gql(gateway, CLUSTER, { id: alone.id });
    expect(split.data!.cluster.members).toEqual([
      {
        rule: 'curator-split',
        facts: ['split by a curator'],
        joinedWith: null,
        record: { id: moved, work: { id: alone.id, rule: 'curator-split' } },
      },
    ]);
    // Another order than the first test's, so the gateway's few seconds of memory do not answer.
    const all = await page({ s: 'TITLE' });
    expect(all.totalCount).toBe(WORKS + 1);
    expect(all.recordCount).toBe(WORKS + SHARED);
  });

  it('counts facets from the fields themselves for works written before their facet sets', async () => {
    const member = { ...recordOf(WORKS, 'hue', PROVINCIAL), languages: ['fre'] };
    const { facetSets: _sets, ...older } = toWorkDocument('w-older', [member]);
    await client.index({ index: works.alias, id: older.id, document: older, refresh: true });
    const found = await page({ f: { languages: ['fre'] } });
    expect(found.totalCount).toBe(1);
    expect(counts(found.facets.languages)).toEqual({ fre: 1 });
    expect(counts(found.facets.libraryKinds)).toEqual({ provincial: 1 });
  });
});
