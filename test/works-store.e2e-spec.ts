import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@hop-luu/config';
import { DatabaseModule } from '@hop-luu/database';
import { normalizeRecord } from '@hop-luu/records';
import { MatchProfile, PROFILE_VERSION, profileOf } from '@hop-luu/work-matching';
import {
  WorkChanges,
  WorkDecisionsService,
  WorkMatchingService,
  WorksModule,
  WorksReaderService,
} from '@hop-luu/works';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

interface Bib {
  readonly title: string;
  readonly creator?: string;
  readonly year?: number;
  readonly isbn?: string;
  readonly pages?: number;
}

/** A record as a library's oai_dc feed would send it, profiled as the harvester does. */
function profile(id: string, bib: Bib): MatchProfile {
  const xml =
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${bib.title}</dc:title>` +
    (bib.creator ? `<dc:creator>${bib.creator}</dc:creator>` : '') +
    (bib.year ? `<dc:date>${bib.year}</dc:date>` : '') +
    (bib.isbn ? `<dc:identifier>ISBN ${bib.isbn}</dc:identifier>` : '') +
    (bib.pages ? `<dc:format>${bib.pages} tr.</dc:format>` : '') +
    '<dc:type>Book</dc:type><dc:language>vie</dc:language></oai_dc:dc>';
  const [sourceId, ...rest] = id.split(':');
  const result = normalizeRecord({
    sourceId,
    oaiIdentifier: rest.join(':'),
    datestamp: '2025-01-01',
    deleted: false,
    setSpecs: [],
    metadataPrefix: 'oai_dc',
    metadataXml: xml,
  });
  if (!result.ok) throw new Error(result.error.message);
  return profileOf(result.record);
}

const KIEU = { title: 'Truyện Kiều', creator: 'Nguyễn Du', year: 2015 };
const BIBS: Record<string, Bib> = {
  'a:1': { ...KIEU, isbn: '9786049551239' },
  'b:1': { ...KIEU },
  'c:1': { title: 'Truyện Kiều', creator: 'Nguyễn Văn Khoả', year: 2015 },
  'a:2': { title: 'Lịch sử Việt Nam', creator: 'Phan Huy Lê', year: 2012, isbn: '9786049550003' },
  'b:2': { title: 'Lịch sử Việt Nam', creator: 'Phan, Huy Lê', year: 2012 },
  // A chain: b:3 (no page count) matches both, a:3 and c:3 contradict (300 / 450 pages).
  // (A record without a year matching both would join neither: work-matching README.)
  'a:3': { title: 'Văn học dân gian Việt Nam', creator: 'Đinh Gia Khánh', year: 2010, pages: 300 },
  'b:3': { title: 'Văn học dân gian Việt Nam', creator: 'Đinh Gia Khánh', year: 2010 },
  'c:3': { title: 'Văn học dân gian Việt Nam', creator: 'Đinh Gia Khánh', year: 2010, pages: 450 },
};

describe('works store (libs/works against PostgreSQL)', () => {
  let env: TestEnv;
  let app: INestApplicationContext;
  let matching: WorkMatchingService;
  let decisions: WorkDecisionsService;
  let reader: WorksReaderService;
  const curator = { personId: null, name: 'Thư viện Quốc gia' };

  beforeAll(async () => {
    env = await isolatedTestEnv('works_store');
    const config = loadConfig({ ...process.env, ...env });
    app = await NestFactory.createApplicationContext(
      {
        module: class WorksSpec {},
        imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), WorksModule],
      },
      { logger: false },
    );
    matching = app.get(WorkMatchingService);
    decisions = app.get(WorkDecisionsService);
    reader = app.get(WorksReaderService);
  });

  afterAll(async () => {
    await app?.close();
    if (env) await removeTestEnv(env);
  });

  beforeEach(async () => {
    await app
      .get(DataSource)
      .query(
        'TRUNCATE work_records, work_keys, work_key_counts, work_links, work_decisions, untrusted_identifiers, works_to_publish',
      );
  });

  const profiles = (...ids: string[]) => ids.map((id) => profile(id, BIBS[id]));

  /** Works as sets of record ids, in a stable order. */
  async function works(): Promise<string[][]> {
    const all: string[][] = [];
    for await (const batch of reader.streamWorks(100)) all.push(...batch.map((w) => w.memberIds));
    return all.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  }

  it('joins a record with an ISBN and one without, and keeps the two Truyện Kiều apart', async () => {
    const changes = await matching.match(profiles('a:1', 'b:1', 'c:1'), []);
    expect(changes.memberships.get('a:1')!.workId).toBe(changes.memberships.get('b:1')!.workId);
    expect(changes.memberships.get('c:1')!.workId).not.toBe(changes.memberships.get('a:1')!.workId);
    expect(changes.memberships.get('b:1')!.facts.length).toBeGreaterThan(0);
    expect(await works()).toEqual([['a:1', 'b:1'], ['c:1']]);
  });

  it('does not chain: A~B and B~C leave A and C apart when they contradict', async () => {
    for (const order of [
      ['a:3', 'b:3', 'c:3'],
      ['c:3', 'b:3', 'a:3'],
      ['b:3', 'c:3', 'a:3'],
    ]) {
      await app
        .get(DataSource)
        .query('TRUNCATE work_records, work_keys, work_key_counts, work_links');
      for (const id of order) await matching.match(profiles(id), []);
      expect(await works()).toEqual([['a:3', 'b:3'], ['c:3']]);
    }
  });

  it('counts the records whose profile another matching release built', async () => {
    await matching.match(profiles('a:1', 'b:1'), []);
    expect(await reader.staleProfiles(PROFILE_VERSION)).toBe(0);
    expect(await reader.staleProfiles(PROFILE_VERSION + 1)).toBe(2);
  });

  it('matches a new record against what is stored, and reports the records it moved', async () => {
    await matching.match(profiles('b:1'), []);
    const changes = await matching.match(profiles('a:1'), []);
    // a:1 sorts first, so the work is named after it now: b:1 moved without being in the batch.
    expect(changes.moved.map((m) => m.recordId)).toEqual(['b:1']);
    expect(changes.works.find((w) => w.memberIds.length === 2)?.memberIds).toEqual(['a:1', 'b:1']);
    expect(changes.works.some((w) => w.memberIds.length === 0)).toBe(true);
  });

  it('gives the same works whatever the order and batching, and the same again on re-cluster', async () => {
    const ids = Object.keys(BIBS);
    await matching.match(profiles(...ids), []);
    const together = await works();
    await app
      .get(DataSource)
      .query('TRUNCATE work_records, work_keys, work_key_counts, work_links');
    for (const id of [...ids].reverse()) await matching.match(profiles(id), []);
    expect(await works()).toEqual(together);
    await matching.reclusterAll(
      (async function* () {
        yield profiles(...ids);
      })(),
    );
    expect(await works()).toEqual(together);
  });

  it('splits a work again when the record that joined it is deleted', async () => {
    await matching.match(profiles('a:1', 'b:1'), []);
    const changes = await matching.match([], ['a:1']);
    expect(changes.memberships.size).toBe(0);
    expect(changes.moved.map((m) => m.recordId)).toEqual(['b:1']);
    expect(await works()).toEqual([['b:1']]);
  });

  it('forgets a deleted source’s records, and the works they were in come apart', async () => {
    await matching.match(profiles('a:1', 'b:1', 'a:2', 'b:2'), []);
    const published: WorkChanges[] = [];
    expect(await matching.removeSource('a', async (c) => void published.push(c))).toBe(2);
    expect(await works()).toEqual([['b:1'], ['b:2']]);
    expect(published.flatMap((c) => c.moved.map((m) => m.recordId)).sort()).toEqual(['b:1', 'b:2']);
  });

  it('applies a split at once, keeps it when the records come again, and undoes it', async () => {
    await matching.match(profiles('a:1', 'b:1'), []);
    const split = await decisions.split('b:1', 'Bản dịch, không phải nguyên tác', curator);
    expect(split.decision).toMatchObject({
      kind: 'split',
      recordIds: ['b:1'],
      decidedByName: curator.name,
    });
    expect(await works()).toEqual([['a:1'], ['b:1']]);
    expectMoved(split.changes, []);
    await matching.match(profiles('a:1', 'b:1'), []);
    expect(await works()).toEqual([['a:1'], ['b:1']]);
    await decisions.undo(split.decision.id, curator);
    expect(await works()).toEqual([['a:1', 'b:1']]);
    await expect(decisions.undo(split.decision.id, curator)).rejects.toMatchObject({
      code: 'WORK_DECISION_ALREADY_UNDONE',
    });
  });

  it('merges works a curator says are one, and lists decisions newest first', async () => {
    const first = await matching.match(profiles('a:1', 'c:1'), []);
    const workIds = [...new Set([...first.memberships.values()].map((m) => m.workId))];
    const merge = await decisions.merge(workIds, 'Cùng một ấn phẩm', curator);
    expect(await works()).toEqual([['a:1', 'c:1']]);
    expect([...merge.changes.memberships.values()].map((m) => m.workId)).toEqual([
      merge.changes.memberships.get('a:1')!.workId,
      merge.changes.memberships.get('a:1')!.workId,
    ]);
    await decisions.split('c:1', 'Nhầm', curator);
    const page = await decisions.list({ recordId: 'c:1' }, 1);
    expect(page.decisions.map((d) => d.kind)).toEqual(['split']);
    const rest = await decisions.list({ recordId: 'c:1' }, 1, page.next);
    expect(rest.decisions.map((d) => d.kind)).toEqual(['merge']);
    expect(rest.next).toBeUndefined();
  });

  it('refuses decisions that cannot be made, with a code', async () => {
    await matching.match(profiles('a:1'), []);
    await expect(decisions.split('nowhere:1', 'x', curator)).rejects.toMatchObject({
      code: 'WORK_RECORD_NOT_FOUND',
    });
    await expect(decisions.split('a:1', '  ', curator)).rejects.toMatchObject({
      code: 'WORK_DECISION_INVALID',
    });
    await expect(decisions.merge(['w1'], 'x', curator)).rejects.toMatchObject({
      code: 'WORK_DECISION_INVALID',
    });
    await expect(decisions.merge(['w1', 'w2'], 'x', curator)).rejects.toMatchObject({
      code: 'WORK_NOT_FOUND',
    });
    await expect(decisions.undo('not-a-uuid', curator)).rejects.toMatchObject({
      code: 'WORK_DECISION_NOT_FOUND',
    });
  });

  it('ends with one work when two transactions match records of one work at once', async () => {
    await Promise.all([matching.match(profiles('a:1'), []), matching.match(profiles('b:1'), [])]);
    expect(await works()).toEqual([['a:1', 'b:1']]);
  });

  it('marks documents written while a matching transaction holds the same rows, without a deadlock', async () => {
    await matching.match(profiles('a:1', 'a:2'), []);
    const db = app.get(DataSource);
    await db.query(`UPDATE work_records SET unpublished = true`);
    const memberships = [...(await matching.unpublishedRecords(10))];
    const marks = await matching.markedWorks(10);
    // A matching transaction writes the second record and mark first, then the first ones,
    // while the documents of both are reported written (the publisher, outside the works lock).
    const matchingTx = db.createQueryRunner();
    await matchingTx.connect();
    await matchingTx.startTransaction();
    const touch = async (recordId: string, workId: string) => {
      await matchingTx.query(`UPDATE work_records SET updated_at = now() WHERE record_id = $1`, [
        recordId,
      ]);
      await matchingTx.query(
        `INSERT INTO works_to_publish (work_id) VALUES ($1)
         ON CONFLICT (work_id) DO UPDATE SET seq = nextval('works_to_publish_seq')`,
        [workId],
      );
    };
    const [first, second] = memberships;
    await touch(second.recordId, second.workId);
    const settled = matching.settle(memberships, marks);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await touch(first.recordId, first.workId);
    await matchingTx.commitTransaction();
    await matchingTx.release();
    await settled;
    // The row the transaction held stays marked and is written again later; the other is done.
    // Both works are marked: the transaction marked them again.
    expect((await matching.unpublishedRecords(10)).map((m) => m.recordId)).toEqual([
      second.recordId,
    ]);
    expect((await matching.markedWorks(10)).map((m) => m.workId).sort()).toEqual(
      [first.workId, second.workId].sort(),
    );
  });

  it('keeps a popular edition’s copies (twins) in one work with one link each, even after the first copy is deleted', async () => {
    const copies = Array.from({ length: 40 }, (_, i) =>
      profile(`lib${String(i).padStart(2, '0')}:kieu`, { ...KIEU, isbn: '9786049551239' }),
    );
    // Arriving in several batches, the oldest copies first, as 40 libraries' harvests would.
    for (let i = 0; i < copies.length; i += 8) await matching.match(copies.slice(i, i + 8), []);
    const ids = copies.map((p) => p.recordId).sort();
    expect(await works()).toEqual([ids]);
    const db = app.get(DataSource);
    const [{ links }] = await db.query('SELECT count(*)::int AS links FROM work_links');
    // Every copy judged once through one twin, not against all the others (40 × 39 links).
    expect(links).toBeLessThanOrEqual(copies.length);
    // The copy the others linked to goes: the rest are judged again and stay one work.
    await matching.match([], [ids[0]]);
    expect(await works()).toEqual([ids.slice(1)]);
    // And a full re-cluster gives the same work.
    await matching.reclusterAll(
      (async function* () {
        yield copies.filter((p) => p.recordId !== ids[0]);
      })(),
    );
    expect(await works()).toEqual([ids.slice(1)]);
  });

  it('lists an ISBN found on records whose titles disagree', async () => {
    const reused = {
      title: 'Địa lý tự nhiên',
      creator: 'Lê Bá Thảo',
      year: 2015,
      isbn: '9786049551239',
    };
    await matching.match([...profiles('a:1'), profile('d:1', reused)], []);
    const untrusted = await reader.untrustedIdentifiers(10);
    expect(untrusted.map((u) => u.recordIds)).toEqual([['a:1', 'd:1']]);
    expect(await works()).toEqual([['a:1'], ['d:1']]);
  });
});

function expectMoved(changes: WorkChanges, ids: string[]): void {
  expect(changes.moved.map((m) => m.recordId).sort()).toEqual(ids);
}
