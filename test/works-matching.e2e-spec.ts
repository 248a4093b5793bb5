import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { BibRecord, OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { createApp } from '@hop-luu/platform';
import { CatalogueIndex, WorksIndex } from '@hop-luu/search-index';
import { WorkMatchingService } from '@hop-luu/works';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { ReclusterService } from '../apps/harvester/src/reindex/recluster.service';
import { ReindexService } from '../apps/harvester/src/reindex/reindex.service';
import { harvesterContext, queueRun, registerSource, waitForRun } from './support/harvest-helpers';
import { HarvesterProcess, spawnHarvester } from './support/harvester-process';
import { errorCode, gql } from './support/graphql-client';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

/** A book as one library catalogues it: every field that matching reads is set here. */
function book(title: string, author: string, year: number, extra: Partial<BibRecord> = {}) {
  return {
    title,
    subtitle: undefined,
    author,
    addedAuthors: [],
    year,
    isbn: undefined,
    isbn10: undefined,
    edition: undefined,
    series: undefined,
    pages: 320,
    publisher: 'Nhà xuất bản Văn học',
    place: 'Hà Nội',
    language: 'vie' as const,
    type: 'book' as const,
    ...extra,
  };
}

const KIEU_POEM = book('Truyện Kiều', 'Nguyễn Du', 2015, { isbn: '9786049551239' });
/** What each library serves (identifier → book), so tests can name records. */
const FEEDS: Record<string, Record<string, Partial<BibRecord>>> = {
  'tv-a': {
    kieu: KIEU_POEM,
    // A study of the poem, same title and year, by Nguyễn Văn Khoả: another work.
    study: book('Truyện Kiều', 'Nguyễn Văn Khoả', 2015, { pages: 210 }),
    chainA: book('Lịch sử văn học Việt Nam', 'Đinh Gia Khánh', 2010, { pages: 400 }),
    split: book('Đại Việt sử ký toàn thư', 'Ngô Sĩ Liên', 1998, { pages: 600 }),
  },
  'tv-b': {
    // The same poem in a provincial catalogue, no ISBN: joins the record with one.
    kieu: { ...KIEU_POEM, isbn: undefined },
    // No page count: it matches both chainA (400 pages) and chainC (200 pages), which contradict.
    chainB: book('Lịch sử văn học Việt Nam', 'Đinh Gia Khánh', 2010, { pages: undefined }),
    split: book('Đại Việt sử ký toàn thư', 'Ngô Sĩ Liên', 1998, { pages: 600 }),
  },
  'tv-c': {
    chainC: book('Lịch sử văn học Việt Nam', 'Đinh Gia Khánh', 2010, { pages: 200 }),
  },
};

const RACE_RECORDS = 24;

describe('works matching, end to end', () => {
  let provider: OaiProvider;
  let env: TestEnv;
  let ctx: INestApplicationContext;
  let gateway: INestApplication;
  let staffKey = '';
  const processes: HarvesterProcess[] = [];
  const ids = new Map<string, string>();

  const idOf = (source: string, name: string) => `${source}:${ids.get(`${source}/${name}`)}`;

  async function harvest(sourceId: string, mode: 'full' | 'incremental' = 'full') {
    const run = await waitForRun(ctx, (await queueRun(ctx, sourceId, mode)).id);
    expect(run.status).toBe('succeeded');
  }

  /** The works PostgreSQL holds, each as its members' ids. */
  async function works(): Promise<string[][]> {
    const rows: { members: string[] }[] = await ctx
      .get(DataSource)
      .query(
        `SELECT array_agg(record_id ORDER BY record_id) AS members FROM work_records GROUP BY work_id ORDER BY 1`,
      );
    return rows.map((row) => row.members);
  }

  async function workOf(recordId: string): Promise<string> {
    const rows: { work_id: string }[] = await ctx
      .get(DataSource)
      .query(`SELECT work_id FROM work_records WHERE record_id = $1`, [recordId]);
    return rows[0].work_id;
  }

  /** Members of a work as the works index shows it (its holdings). */
  async function indexedMembers(workId: string): Promise<string[]> {
    const client = ctx.get(Client);
    const alias = ctx.get(WorksIndex).alias;
    await client.indices.refresh({ index: alias });
    const found = await client.get<{ holdings: { recordId: string }[] }>(
      { index: alias, id: workId },
      { ignore: [404] },
    );
    return (found._source?.holdings ?? []).map((h) => h.recordId).sort();
  }

  const together = (...recordIds: string[]) =>
    Promise.all(recordIds.map(workOf)).then((workIds) => new Set(workIds).size === 1);

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        ...[...Object.keys(FEEDS), 'tv-big'].map((name) => ({ name, records: 0, pageSize: 10 })),
        ...['race-1', 'race-2'].map((name) => ({
          name,
          records: RACE_RECORDS,
          pageSize: 4,
          // Same seed: the two libraries hold the same books, under their own identifiers.
          generator: { seed: 41, libraryCode: name },
        })),
      ],
    });
    for (const [source, records] of Object.entries(FEEDS))
      for (const [name, changes] of Object.entries(records))
        ids.set(`${source}/${name}`, provider.repo(source).addRecord(changes));
    env = await isolatedTestEnv('works', { HARVEST_POLITENESS_DELAY_MS: '60' });
    ctx = await harvesterContext(env);
    for (const source of [...Object.keys(FEEDS), 'tv-big', 'race-1', 'race-2'])
      await registerSource(ctx, provider, source);
    processes.push(spawnHarvester(env));
    const config = loadConfig({ ...process.env, ...env });
    gateway = await createApp(gatewayApp, config);
    await gateway.init();
    staffKey = (await ctx.get(ApiKeysService).createKey('Thư viện Quốc gia', 'staff')).key;
    await processes[0].ready;
    for (const source of Object.keys(FEEDS)) await harvest(source);
  }, 90_000);

  afterAll(async () => {
    for (const harvester of processes) harvester.child.kill('SIGKILL');
    await gateway?.close();
    await ctx?.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  it('joins a record with an ISBN and one without, and keeps the two Truyện Kiều apart', async () => {
    const poem = [idOf('tv-a', 'kieu'), idOf('tv-b', 'kieu')];
    expect(await together(...poem)).toBe(true);
    expect(await together(poem[0], idOf('tv-a', 'study'))).toBe(false);
    const workId = await workOf(poem[0]);
    expect(await indexedMembers(workId)).toEqual([...poem].sort());
    const cluster = await gql(
      gateway,
      `query($id: String!) { cluster(id: $id) { id members { record { id } rule facts joinedWith } } }`,
      { id: workId },
    );
    const joined = cluster.data?.cluster.members.find(
      (m: { record: { id: string } }) => m.record.id === poem[1],
    );
    expect(joined).toMatchObject({ rule: 'title-author', joinedWith: poem[0] });
    expect(joined.facts.length).toBeGreaterThan(0);
  });

  it('does not chain: A~B and B~C leave A and C apart when they contradict', async () => {
    const [a, b, c] = [idOf('tv-a', 'chainA'), idOf('tv-b', 'chainB'), idOf('tv-c', 'chainC')];
    // Greedy in record id order: B joins A's work; C contradicts A, so it cannot join it.
    expect(await together(a, b)).toBe(true);
    expect(await together(a, c)).toBe(false);
    expect(await together(b, c)).toBe(false);
  });

  it('keeps a curator’s split through a full re-harvest and a reindex, and undoes it', async () => {
    const [a, b] = [idOf('tv-a', 'split'), idOf('tv-b', 'split')];
    expect(await together(a, b)).toBe(true);
    const split = await gql(
      gateway,
      `mutation($id: ID!) { splitRecordFromWork(recordId: $id, reason: "Bản in khác") { id kind recordIds decidedBy } }`,
      { id: b },
      staffKey,
    );
    expect(split.data?.splitRecordFromWork).toMatchObject({
      kind: 'SPLIT',
      recordIds: [b],
      decidedBy: 'Thư viện Quốc gia',
    });
    expect(await together(a, b)).toBe(false);
    expect(await indexedMembers(await workOf(a))).toEqual([a]);
    await harvest('tv-a');
    await harvest('tv-b');
    await ctx.get(ReindexService).reindex();
    expect(await together(a, b)).toBe(false);
    expect(await indexedMembers(await workOf(b))).toEqual([b]);
    const listed = await gql(
      gateway,
      `query($r: ID) { workDecisions(recordId: $r) { decisions { id reason undoneAt } } }`,
      { r: b },
      staffKey,
    );
    expect(listed.data?.workDecisions.decisions).toEqual([
      { id: split.data?.splitRecordFromWork.id, reason: 'Bản in khác', undoneAt: null },
    ]);
    const undo = `mutation($id: ID!) { undoWorkDecision(id: $id) { undoneAt undoneBy } }`;
    const undone = await gql(gateway, undo, { id: split.data?.splitRecordFromWork.id }, staffKey);
    expect(undone.data?.undoWorkDecision.undoneBy).toBe('Thư viện Quốc gia');
    expect(await together(a, b)).toBe(true);
    expect(await indexedMembers(await workOf(a))).toEqual([a, b].sort());
    const again = await gql(gateway, undo, { id: split.data?.splitRecordFromWork.id }, staffKey);
    expect(errorCode(again)).toBe('DECISION_ALREADY_UNDONE');
  });

  it('refuses decisions to anyone but staff, and bad ones with a code', async () => {
    const mutation = `mutation($id: ID!) { splitRecordFromWork(recordId: $id, reason: "x") { id } }`;
    expect(errorCode(await gql(gateway, mutation, { id: idOf('tv-a', 'kieu') }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await gql(gateway, mutation, { id: 'tv-a:none' }, staffKey))).toBe(
      'NOT_FOUND',
    );
    const merge = `mutation($w: [ID!]!) { mergeWorks(workIds: $w, reason: "x") { id } }`;
    expect(errorCode(await gql(gateway, merge, { w: ['w1'] }, staffKey))).toBe('BAD_USER_INPUT');
  });

  it('ends with one work per book when two processes harvest records of it at once', async () => {
    processes.push(spawnHarvester(env));
    await processes[1].ready;
    const runs = await Promise.all(['race-1', 'race-2'].map((source) => queueRun(ctx, source)));
    const done = await Promise.all(runs.map((run) => waitForRun(ctx, run.id)));
    expect(done.map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
    const race = (await works()).filter((members) => members.some((id) => id.startsWith('race-')));
    const libraries = race.map((members) => [...new Set(members.map((id) => id.split(':')[0]))]);
    // Every book the two libraries share is one work holding both of their records.
    expect(libraries.every((held) => held.length === 2)).toBe(true);
    const index = race.map((members) => members.length).reduce((a, b) => a + b, 0);
    expect(index).toBe(2 * RACE_RECORDS);
  });

  it('writes a large work’s document once its harvest ends, holding every copy', async () => {
    // 40 copies of one edition (more than DEFER_WORKS_ABOVE): the document waits while the
    // batches come, and the end of the run writes it.
    const copies = Array.from({ length: 40 }, () =>
      provider.repo('tv-big').addRecord(book('Nhật ký trong tù', 'Hồ Chí Minh', 2010)),
    );
    await harvest('tv-big');
    const recordIds = copies.map((id) => `tv-big:${id}`).sort();
    const workId = await workOf(recordIds[0]);
    expect(await together(...recordIds)).toBe(true);
    expect(await indexedMembers(workId)).toEqual(recordIds);
    const pending = await ctx.get(DataSource).query('SELECT work_id FROM works_to_publish');
    expect(pending).toEqual([]);
  });

  it('writes what a crash between matching and indexing left owed, on the next run', async () => {
    const x = idOf('tv-c', 'chainC');
    const before = await workOf(x);
    const [{ profile }] = await ctx
      .get(DataSource)
      .query(`SELECT profile FROM work_records WHERE record_id = $1`, [x]);
    // A copy with a smaller id arrives and is matched, and the process dies before it writes
    // anything: x's work is named after the copy now, the indexes still say otherwise.
    const copy = { ...profile, recordId: 'tv-0:copy', sourceId: 'tv-0' };
    const matching = ctx.get(WorkMatchingService);
    await matching.match([copy], []);
    try {
      const after = await workOf(x);
      expect(after).not.toBe(before);
      const client = ctx.get(Client);
      const recordsAlias = ctx.get(CatalogueIndex).alias;
      const workOfDocument = async () =>
        (await client.get<{ work: { id: string } }>({ index: recordsAlias, id: x }))._source!.work
          .id;
      expect(await workOfDocument()).toBe(before);
      // The next run (of any source) writes it: x's document, its new work, its old one gone.
      await harvest('tv-a', 'incremental');
      expect(await workOfDocument()).toBe(after);
      const members = (await works()).find((ids) => ids.includes(x))!;
      expect(await indexedMembers(after)).toEqual(members.filter((id) => id !== copy.recordId));
      expect(await indexedMembers(before)).toEqual([]);
      const owed = await ctx.get(DataSource).query(
        `SELECT (SELECT count(*) FROM works_to_publish)::int AS works,
                (SELECT count(*) FROM work_records WHERE unpublished)::int AS records`,
      );
      expect(owed).toEqual([{ works: 0, records: 0 }]);
    } finally {
      await matching.match([], [copy.recordId]);
      await harvest('tv-a', 'incremental');
    }
  });

  it('gives the same works on a full re-cluster as the incremental path did', async () => {
    const incremental = await works();
    const report = await ctx.get(ReclusterService).recluster();
    expect(report.profiled).toBe(incremental.flat().length);
    expect(report).toMatchObject({ clustered: incremental.length, works: incremental.length });
    expect(await works()).toEqual(incremental);
    expect(await indexedMembers(await workOf(idOf('tv-a', 'kieu')))).toEqual(
      [idOf('tv-a', 'kieu'), idOf('tv-b', 'kieu')].sort(),
    );
  });
});
