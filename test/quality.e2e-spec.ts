import { INestApplication } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { QualityReport, QualityReportsService } from '@hop-luu/quality';
import { SourceRegistrationService } from '@hop-luu/sources';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { QUALITY_UPDATED, QualityUpdatedEvent } from '../apps/harvester/src/events/harvest-events';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import {
  BibRecord,
  generateRecords,
  OaiProvider,
  startOaiProvider,
} from '@hop-luu/oai-test-provider';
import {
  DOUBLE_ENCODED,
  LEGACY_CREATORS,
  TCVN3_TITLES,
} from '@hop-luu/oai-test-provider/legacy-text';
import { queueRun, until, waitForRun } from './support/harvest-helpers';
import { gql } from './support/graphql-client';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

const REPORT = `query($id: String!) { source(id: $id) { id qualityReport {
  computedAt runId records duplicatesInSource sharedWorkRecords sharedWorksShare
  shares { field count share }
  encodingRepairs { kind count examples { identifier field before after } }
  failures { code count identifiers } } } }`;

const ALPHA = { seed: 11, libraryCode: 'alpha', libraryName: 'Thư viện Alpha' };
const BETA = { seed: 12, libraryCode: 'beta', libraryName: 'Thư viện Beta' };
const NFD_TITLE = 'Lịch sử Việt Nam'.normalize('NFD');

/**
 * What alpha serves, page size 10: record 1 has a TCVN3 title, 2 a VNI creator, 3 a
 * double-encoded title, 6 a decomposed title, 8 no subject and no ISBN, 19 is record 9 again
 * under another identifier; every summary carries invalid UTF-8 bytes; position 4 of each
 * page is broken XML and position 7 nests deeper than the harvester reads.
 */
const CHANGED = [1, 2, 3, 6, 8, 19];

function alphaRecords(): BibRecord[] {
  const generated = generateRecords(20, ALPHA);
  const records = Array.from({ length: 20 }, (_, i) => generated.at(i));
  const { identifier, datestamp, ...nine } = records[9];
  void identifier;
  void datestamp;
  const changes: Record<number, Partial<BibRecord>> = {
    1: { title: TCVN3_TITLES[0][0], subtitle: undefined },
    2: { author: LEGACY_CREATORS[2][0] },
    3: { title: DOUBLE_ENCODED[0][0], subtitle: undefined },
    6: { title: NFD_TITLE, subtitle: undefined },
    8: { subjects: [], isbn: undefined, isbn10: undefined },
    19: nine,
  };
  return records.map((record, i) => ({ ...record, ...changes[i] }));
}

const BROKEN = [4, 14];
const TOO_DEEP = [7, 17];

describe('data-quality report per source', () => {
  let provider: OaiProvider;
  let env: TestEnv;
  let harvester: INestApplication;
  let gateway: INestApplication;
  const keys = { staff: '', alpha: '', beta: '' };
  const served = alphaRecords();
  const indexed = served.filter((_, i) => !BROKEN.includes(i) && !TOO_DEEP.includes(i));
  const updates: QualityUpdatedEvent[] = [];

  async function harvestAndReport(sourceId: string): Promise<QualityReport> {
    const run = await waitForRun(harvester, (await queueRun(harvester, sourceId)).id);
    const reports = harvester.get(QualityReportsService);
    await until(async () => (await reports.find(sourceId))?.report.runId === run.id, 15_000);
    return (await reports.find(sourceId))!.report;
  }

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        { name: 'alpha', records: 20, pageSize: 10, generator: ALPHA },
        { name: 'beta', records: 10, pageSize: 10, generator: BETA },
        { name: 'gamma', records: 25, pageSize: 25, generator: { seed: 13, libraryCode: 'gamma' } },
      ],
    });
    // Every gamma record arrives in xoai, which libs/records does not map: all fail, all stored.
    provider.repo('gamma').setModes({ unmappedFormat: true });
    const alpha = provider.repo('alpha');
    // Same datestamps: the records keep their places on the pages.
    for (const i of CHANGED)
      alpha.updateRecord(served[i].identifier, served[i], served[i].datestamp);
    alpha.setModes({
      invalidUtf8: true,
      brokenRecords: { every: 10, at: 4, kind: 'charRef' },
      deepNesting: { depth: 300, where: 'record', position: 7 },
    });
    env = await isolatedTestEnv('quality');
    const config = loadConfig({ ...process.env, ...env });
    harvester = await createApp(harvesterApp, config);
    await harvester.init();
    gateway = await createApp(gatewayApp, config);
    await gateway.init();
    harvester.get(EventEmitter2).on(QUALITY_UPDATED, (event: QualityUpdatedEvent) => {
      updates.push(event);
    });
    const apiKeys = harvester.get(ApiKeysService);
    keys.staff = (await apiKeys.createKey('Ban Thư viện số', 'staff')).key;
    const alphaKey = await apiKeys.createKey('Thư viện Alpha', 'partner');
    const betaKey = await apiKeys.createKey('Thư viện Beta', 'partner');
    keys.alpha = alphaKey.key;
    keys.beta = betaKey.key;
    const registration = harvester.get(SourceRegistrationService);
    for (const [id, owner, metadataPrefix] of [
      ['alpha', alphaKey.partner.id, 'oai_dc'],
      ['beta', betaKey.partner.id, 'oai_dc'],
      ['gamma', betaKey.partner.id, 'xoai'],
    ] as const) {
      await registration.register({
        id,
        libraryName: `Thư viện ${id}`,
        libraryKind: 'university',
        province: 'Huế',
        baseUrl: provider.baseUrl(id),
        metadataPrefix,
        ownerId: owner,
      });
    }
    await harvestAndReport('beta');
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await harvester?.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  let report: QualityReport;

  it('counts the share of records with each field', async () => {
    report = await harvestAndReport('alpha');
    expect(report.records).toBe(16);
    const share = (count: number) => ({ count, share: Math.round((count / 16) * 10_000) / 10_000 });
    expect(report.shares).toEqual([
      { field: 'TITLE', ...share(16) },
      { field: 'CREATOR', ...share(16) },
      { field: 'YEAR', ...share(16) },
      { field: 'ISBN_ISSN', ...share(indexed.filter((r) => r.isbn || r.isbn10).length) },
      { field: 'SUBJECT', ...share(indexed.filter((r) => r.subjects.length > 0).length) },
      { field: 'LANGUAGE', ...share(16) },
    ]);
    expect(report.shares.find((s) => s.field === 'ISBN_ISSN')!.count).toBeLessThan(16);
  });

  it('counts each encoding problem, with the record, the value as sent and as catalogued', () => {
    const id = (i: number) => served[i].identifier;
    expect(report.encodingRepairs).toEqual([
      {
        kind: 'TCVN3',
        count: 1,
        examples: [
          {
            identifier: id(1),
            field: 'dc:title',
            before: TCVN3_TITLES[0][0],
            after: TCVN3_TITLES[0][1],
          },
        ],
      },
      {
        kind: 'VNI',
        count: 1,
        examples: [
          {
            identifier: id(2),
            field: 'dc:creator',
            before: LEGACY_CREATORS[2][0],
            after: 'Nguyễn Du',
          },
        ],
      },
      {
        kind: 'DECOMPOSED',
        count: 1,
        examples: [
          { identifier: id(6), field: 'dc:title', before: NFD_TITLE, after: 'Lịch sử Việt Nam' },
        ],
      },
      {
        kind: 'DOUBLE_UTF8',
        count: 1,
        examples: [
          {
            identifier: id(3),
            field: 'dc:title',
            before: DOUBLE_ENCODED[0][0],
            after: 'Hồ Chí Minh',
          },
        ],
      },
      { kind: 'INVALID_BYTES', count: 16, examples: expect.any(Array) },
    ]);
    const invalid = report.encodingRepairs.find((r) => r.kind === 'INVALID_BYTES')!;
    expect(invalid.examples).toHaveLength(3);
    for (const example of invalid.examples) {
      expect(example.field).toBe('dc:description');
      expect(example.after).toContain('\uFFFD');
    }
  });

  it('lists the records the harvester could not read by code, with their identifiers', () => {
    const ids = (indices: number[]) => indices.map((i) => served[i].identifier);
    expect(report.failures).toEqual([
      { code: 'UNREADABLE_RECORD', count: 2, identifiers: ids(BROKEN) },
      { code: 'XML_TOO_DEEP', count: 2, identifiers: ids(TOO_DEEP) },
    ]);
  });

  it('counts every record that failed normalisation, still after a run that did not see them', async () => {
    const identifiers = [...generateRecords(25, { seed: 13, libraryCode: 'gamma' })]
      .map((r) => r.identifier)
      .sort();
    const expected = [{ code: 'UNKNOWN_FORMAT', count: 25, identifiers: identifiers.slice(0, 20) }];
    expect((await harvestAndReport('gamma')).failures).toEqual(expected);
    const incremental = await waitForRun(
      harvester,
      (await queueRun(harvester, 'gamma', 'incremental')).id,
    );
    expect(incremental.recordsSeen).toBe(0);
    const reports = harvester.get(QualityReportsService);
    await until(async () => (await reports.find('gamma'))?.report.runId === incremental.id, 15_000);
    expect((await reports.find('gamma'))!.report).toMatchObject({ records: 0, failures: expected });
  });

  it('counts duplicates inside the source and the records whose work another library holds', () => {
    expect(report.duplicatesInSource).toBe(1);
    const betaKeys = new Set([...generateRecords(10, BETA)].map((r) => r.editionKey));
    const shared = indexed.filter((r) => betaKeys.has(r.editionKey)).length;
    expect(shared).toBeGreaterThan(0);
    expect(report.sharedWorkRecords).toBe(shared);
    expect(report.sharedWorksShare).toBe(Math.round((shared / 16) * 10_000) / 10_000);
  });

  it('announces each report with the one it replaced', async () => {
    const first = updates.find((u) => u.sourceId === 'alpha')!;
    expect(first.previous).toBeNull();
    const next = await harvestAndReport('alpha');
    const second = updates.filter((u) => u.sourceId === 'alpha')[1];
    expect(second.report.runId).toBe(next.runId);
    expect(second.previous).toEqual(report);
  });

  it('is in GraphQL for its owner and staff, never for another partner', async () => {
    for (const key of [keys.staff, keys.alpha]) {
      const answer = await gql(gateway, REPORT, { id: 'alpha' }, key);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.source.qualityReport).toMatchObject({
        records: 16,
        duplicatesInSource: 1,
        failures: [
          { code: 'UNREADABLE_RECORD', count: 2 },
          { code: 'XML_TOO_DEEP', count: 2 },
        ],
      });
    }
    const other = await gql(gateway, REPORT, { id: 'alpha' }, keys.beta);
    // Another partner's source is not even listed for a partner, let alone its report.
    expect(other.data!.source).toBeNull();
    const anonymous = await gql(gateway, REPORT, { id: 'alpha' });
    expect(anonymous.data!.source.qualityReport).toBeNull();
  });

  it('downloads as CSV for its owner and staff; another partner is refused', async () => {
    const csv = (key?: string) => {
      const call = request(gateway.getHttpServer()).get('/console/api/sources/alpha/quality.csv');
      return key ? call.set('x-api-key', key) : call;
    };
    const answer = await csv(keys.alpha).buffer(true);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toContain('quality-alpha.csv');
    const rows = parse(answer.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.find((row) => row.item === 'records')).toMatchObject({ count: '16' });
    expect(rows).toContainEqual(
      expect.objectContaining({
        section: 'encodingExample',
        item: 'TCVN3',
        before: TCVN3_TITLES[0][0],
        after: TCVN3_TITLES[0][1],
      }),
    );
    expect(
      rows.filter((row) => row.section === 'failedRecord').map((row) => row.identifier),
    ).toEqual(report.failures.flatMap((f) => f.identifiers));
    expect((await csv(keys.staff)).status).toBe(200);
    const refused = await csv(keys.beta);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
    expect((await csv()).status).toBe(401);
    expect(
      (
        await request(gateway.getHttpServer())
          .get('/console/api/sources/nowhere/quality.csv')
          .set('x-api-key', keys.staff)
      ).status,
    ).toBe(404);
  });
});
