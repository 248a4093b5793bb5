import { INestApplication } from '@nestjs/common';
import { ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { CatalogueIndex } from '@hop-luu/search-index';
import { createApp } from '@hop-luu/platform';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { harvesterApp } from '../../apps/harvester/src/harvester.app';
import { gql } from './graphql-client';
import { waitForRun } from './harvest-helpers';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './test-environment';

export const REGISTER = `mutation($input: RegisterSourceInput!) { registerSource(input: $input) { id repositoryName granularity } }`;
export const TRIGGER = `mutation($id: String!, $mode: HarvestMode!) { triggerHarvest(sourceId: $id, mode: $mode) { id status } }`;
export const RECORDS = `query($q: String, $f: SearchFilters, $s: SearchSort, $first: Int, $after: String) {
  searchRecords(query: $q, filters: $f, sort: $s, first: $first, after: $after) {
    totalCount records { id title creators year isbn heldBy { sourceId libraryKind } highlights { field fragments } }
    facets { sources { value count } libraryKinds { value count } languages { value count } types { value count } years { value count } provinces { value count } subjects { value count } }
    pageInfo { endCursor hasNextPage } } }`;
export const WORKS = `query($q: String, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) {
    totalCount totalCountIsExact recordCount
    works { id holdingsCount representative { title } holdings { sourceId libraryName callNumber } }
    pageInfo { endCursor hasNextPage } } }`;

export type SampleKeys = Record<'staff' | 'nlv' | 'hcm', string>;

export interface SourceInput {
  id: string;
  baseUrl: string;
  metadataPrefix?: string;
  libraryKind?: string;
  province?: string;
}

export interface SampleOptions {
  /** Register and fully harvest `nlv` and `hcm` before the tests (the costly part: only files that read records ask for it). */
  harvested: boolean;
  /** Also start `strict`: a gateway with the production rules. */
  strict?: boolean;
}

/**
 * The gateway e2e files' shared set-up: a test OAI provider with two libraries (`nlv` in MARC 21,
 * `hcm` in oai_dc, 42 records each) and a spare one, a harvester and a gateway on one isolated
 * database and index, and three API keys (staff and one partner per library). Each file makes
 * its own, so files never see each other's changes.
 */
export class SampleCatalogue {
  provider!: OaiProvider;
  env!: TestEnv;
  harvester!: INestApplication;
  gateway!: INestApplication;
  /** Same database, but with the production rules: no private addresses, tight limits. */
  strict!: INestApplication;
  readonly keys: SampleKeys = { staff: '', nlv: '', hcm: '' };

  constructor(
    private readonly fileTag: string,
    private readonly options: SampleOptions,
  ) {}

  async start(): Promise<this> {
    this.provider = await startSampleProvider();
    this.env = await isolatedTestEnv(this.fileTag, {
      GATEWAY_RATE_LIMIT_BURST: '10000',
      GATEWAY_RATE_LIMIT_PER_SECOND: '10000',
    });
    const config = loadConfig({ ...process.env, ...this.env });
    this.harvester = await (await createApp(harvesterApp, config)).init();
    this.gateway = await (await createApp(gatewayApp, config)).init();
    if (this.options.strict) this.strict = await this.startStrictGateway();
    await this.createKeys();
    if (this.options.harvested) await this.registerAndHarvestBoth();
    return this;
  }

  async close(): Promise<void> {
    for (const app of [this.strict, this.gateway, this.harvester]) await app?.close();
    await this.provider?.close();
    if (this.env) await removeTestEnv(this.env);
  }

  /** registerSource over GraphQL, as a partner would call it. */
  readonly register = (app: INestApplication, key: string, input: SourceInput) =>
    gql(
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

  /** Triggers a run over GraphQL, waits for it and refreshes the catalogue. */
  readonly harvest = async (sourceId: string, key: string, mode = 'FULL') => {
    const queued = await gql(this.gateway, TRIGGER, { id: sourceId, mode }, key);
    expect(queued.errors).toBeUndefined();
    const run = await waitForRun(this.harvester, queued.data!.triggerHarvest.id);
    await this.harvester.get(CatalogueIndex).refresh();
    return run;
  };

  /** Starts another gateway on this file's database and index, with settings changed. */
  async startGateway(overrides: TestEnv): Promise<INestApplication> {
    const app = await createApp(
      gatewayApp,
      loadConfig({ ...process.env, ...this.env, ...overrides }),
    );
    return app.init();
  }

  private startStrictGateway(): Promise<INestApplication> {
    return this.startGateway({
      HARVEST_ALLOW_PRIVATE_ADDRESSES: 'false',
      GATEWAY_MAX_QUERY_DEPTH: '3',
      GATEWAY_MAX_QUERY_COMPLEXITY: '50',
      GATEWAY_RATE_LIMIT_BURST: '5',
      GATEWAY_RATE_LIMIT_PER_SECOND: '1',
    });
  }

  private async createKeys(): Promise<void> {
    const apiKeys = this.harvester.get(ApiKeysService);
    this.keys.staff = (await apiKeys.createKey('Ban Thư viện số — TVQG', 'staff')).key;
    this.keys.nlv = (await apiKeys.createKey('Thư viện Quốc gia Việt Nam', 'partner')).key;
    this.keys.hcm = (await apiKeys.createKey('Thư viện KHTH TP.HCM', 'partner')).key;
  }

  private async registerAndHarvestBoth(): Promise<void> {
    for (const [id, prefix, kind, province] of [
      ['nlv', 'marc21', 'national', 'Hà Nội'],
      ['hcm', 'oai_dc', 'provincial', 'TP. Hồ Chí Minh'],
    ] as const) {
      const registered = await this.register(this.gateway, this.keys[id], {
        id,
        libraryKind: kind,
        province,
        baseUrl: this.provider.baseUrl(id),
        metadataPrefix: prefix,
      });
      expect(registered.errors).toBeUndefined();
      expect(registered.data!.registerSource).toMatchObject({
        id,
        repositoryName: expect.any(String),
      });
      expect((await this.harvest(id, this.keys[id])).status).toBe('succeeded');
    }
  }
}

/** 40 generated records per library, plus four written for the ranking tests. */
async function startSampleProvider(): Promise<OaiProvider> {
  const provider = await startOaiProvider({
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
  const noIsbn = { isbn: undefined, isbn10: undefined };
  // Two titles that fold to the same letters: the one typed with its diacritics must rank first.
  provider
    .repo('nlv')
    .addRecord({ title: 'Đường xưa mây trắng', author: 'Thích Nhất Hạnh', ...noIsbn });
  provider
    .repo('hcm')
    .addRecord({ title: 'Đương xứa may trang', author: 'Nguyễn Văn A', ...noIsbn });
  // The same words in one title and in another record's summary only: the title ranks first.
  provider.repo('hcm').addRecord({
    title: 'Nghề thủ công truyền thống',
    summary: 'Có một chương về gốm Chu Đậu và các làng nghề quanh Hải Dương.',
    ...noIsbn,
  });
  provider.repo('nlv').addRecord({ title: 'Gốm Chu Đậu', ...noIsbn });
  return provider;
}
