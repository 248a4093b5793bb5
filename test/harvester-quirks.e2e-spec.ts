import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { ApiKeysService } from '@hop-luu/access';
import { loadConfig } from '@hop-luu/config';
import { HarvestRunsService } from '@hop-luu/harvest-runs';
import { createApp } from '@hop-luu/platform';
import { CatalogueIndex } from '@hop-luu/search-index';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { commands } from '../apps/harvester/src/cli/commands';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import type { ResponseModes } from '@hop-luu/oai-test-provider/faults';
import { gql } from './support/graphql-client';
import { queueRun, registerSource, waitForRun } from './support/harvest-helpers';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

/** Real-world repository quirks (provider modes) through the real harvester pipeline. */
describe('harvester: repository quirks seen in the wild', () => {
  const QUIRKS: Record<string, ResponseModes> = {
    invenio: { errorStatus: 422 },
    stray: { rootNamespace: null },
    compact: { compactDatestamps: true },
    badbytes: { invalidUtf8: true },
    dspace: { unmappedFormat: true },
    pages: { pageCursor: true },
  };
  let provider: OaiProvider;
  let env: TestEnv;
  let app: INestApplication;
  let ctx: INestApplicationContext;

  /** Warnings of every catalogue document of a source. */
  async function documentWarnings(sourceId: string): Promise<string[][]> {
    const catalogue = ctx.get(CatalogueIndex);
    await catalogue.refresh();
    const found = await ctx.get(Client).search<{ warnings: string[] }>({
      index: catalogue.alias,
      query: { term: { sourceId } },
      _source: ['warnings'],
      size: 100,
    });
    return found.hits.hits.map((hit) => hit._source?.warnings ?? []);
  }

  /** The resumptionToken of a list's first page, as a harvester would have saved it. */
  async function firstPageToken(repo: string): Promise<string> {
    const url = `${provider.baseUrl(repo)}?verb=ListRecords&metadataPrefix=oai_dc`;
    const firstPage = await (await fetch(url)).text();
    return /<resumptionToken[^>]*>([^<]+)</.exec(firstPage)![1];
  }

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: Object.keys(QUIRKS).map((name, seed) => ({
        name,
        records: name === 'pages' ? 30 : 20,
        pageSize: 10,
        generator: { seed: seed + 1 },
      })),
    });
    for (const [name, modes] of Object.entries(QUIRKS)) provider.repo(name).setModes(modes);
    env = await isolatedTestEnv('quirks', { HARVEST_RETRY_MAX_ATTEMPTS: '2' });
    app = await createApp(harvesterApp, loadConfig({ ...process.env, ...env }));
    await app.init();
    ctx = app;
    for (const name of Object.keys(QUIRKS).filter((n) => n !== 'dspace'))
      await registerSource(ctx, provider, name);
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  it('succeeds on an incremental harvest with nothing new when noRecordsMatch comes with HTTP 422', async () => {
    const full = await waitForRun(ctx, (await queueRun(ctx, 'invenio', 'full')).id);
    expect(full).toMatchObject({ status: 'succeeded', recordsIndexed: 20 });
    const incremental = await waitForRun(ctx, (await queueRun(ctx, 'invenio', 'incremental')).id);
    expect(incremental).toMatchObject({ status: 'succeeded', recordsSeen: 0, errorCode: null });
  });

  it('restarts from the high-water mark when a saved token is refused with HTTP 422', async () => {
    const repo = provider.repo('invenio');
    const full = await waitForRun(ctx, (await queueRun(ctx, 'invenio', 'full')).id);
    expect(full.status).toBe('succeeded');
    repo.tokenTtlMs = 1;
    const expired = await firstPageToken('invenio');
    repo.tokenTtlMs = 3_600_000;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const resume = await ctx.get(HarvestRunsService).enqueue({
      sourceId: 'invenio',
      mode: 'full',
      trigger: 'resume',
      resumeOf: { ...full, lastToken: expired },
    });
    const resumed = await waitForRun(ctx, resume.id);
    expect(resumed).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(resumed.errors).toEqual([
      expect.objectContaining({
        code: 'RESUME_TOKEN_REJECTED',
        message: expect.stringContaining('Restarted the list from the high-water mark'),
      }),
    ]);
  });

  it('harvests a feed whose <OAI-PMH> has no namespace, with one ROOT_NAMESPACE warning on the run', async () => {
    const run = await waitForRun(ctx, (await queueRun(ctx, 'stray')).id);
    expect(run).toMatchObject({ status: 'succeeded', recordsIndexed: 20 });
    expect(run.errors).toEqual([
      expect.objectContaining({
        code: 'ROOT_NAMESPACE',
        message: expect.stringContaining('no namespace'),
      }),
    ]);
  });

  it('indexes records with compact datestamps and warns on the ones without a time zone', async () => {
    const run = await waitForRun(ctx, (await queueRun(ctx, 'compact')).id);
    expect(run).toMatchObject({ status: 'succeeded', recordsIndexed: 20 });
    const warned = (await documentWarnings('compact')).filter((w) =>
      w.some((text) => text.startsWith("datestamp: '")),
    );
    expect(warned).toHaveLength(2); // indexes 9 and 19: 20210311T1015-style, no zone
  });

  it('counts invalid UTF-8 bytes on the run and warns on each record, naming the field', async () => {
    const run = await waitForRun(ctx, (await queueRun(ctx, 'badbytes')).id);
    expect(run).toMatchObject({ status: 'succeeded', recordsIndexed: 20 });
    expect(run.invalidBytesReplaced).toBe(20 * 2);
    const printed: string[] = [];
    await commands(ctx, (line) => printed.push(line)).run([run.id]);
    expect(printed.join('\n')).toContain(' invalid-utf8=40');
    const warnings = await documentWarnings('badbytes');
    expect(warnings).toHaveLength(20);
    for (const w of warnings)
      expect(w).toContainEqual(expect.stringMatching(/^dc:description: contains U\+FFFD/));
  });

  it('completes a run resumed from a saved token when the cursor counts pages (DSpace XOAI)', async () => {
    const full = await waitForRun(ctx, (await queueRun(ctx, 'pages')).id);
    expect(full).toMatchObject({ status: 'succeeded', recordsSeen: 30 });
    const token = await firstPageToken('pages');
    const resume = await ctx.get(HarvestRunsService).enqueue({
      sourceId: 'pages',
      mode: 'full',
      trigger: 'resume',
      resumeOf: { ...full, lastToken: token },
    });
    const resumed = await waitForRun(ctx, resume.id);
    expect(resumed).toMatchObject({ status: 'succeeded', recordsSeen: 20, errorCode: null });
  });

  describe('registering a format we cannot map (unmappedFormat mode: xoai offered)', () => {
    it('sources:add prints an UNMAPPED_FORMAT warning offering oai_dc; harvesting xoai would fail every record', async () => {
      const lines: string[] = [];
      await commands(ctx, (line) => lines.push(line))['sources:add']([], {
        id: 'dspace',
        name: 'Thư viện DSpace',
        url: provider.baseUrl('dspace'),
        prefix: 'xoai',
      });
      expect(lines[1]).toMatch(
        /^ {2}warning UNMAPPED_FORMAT: .* serves "xoai" \(http:\/\/www\.lyncode\.com\/xoai\), a format Hợp Lưu cannot map: .*register with metadataPrefix "oai_dc" instead/,
      );
      const run = await waitForRun(ctx, (await queueRun(ctx, 'dspace')).id);
      expect(run.recordsFailed).toBe(20);
      expect(run.errors[0]).toMatchObject({ code: 'UNKNOWN_FORMAT' });
    });

    it('registerSource answers with the warning and the suggested prefix over GraphQL', async () => {
      const gateway = await createApp(gatewayApp, loadConfig({ ...process.env, ...env }));
      await gateway.init();
      try {
        const staff = (await ctx.get(ApiKeysService).createKey('Ban Thư viện số', 'staff')).key;
        const register = (id: string, metadataPrefix: string) =>
          gql(
            gateway,
            `mutation($input: RegisterSourceInput!) { registerSource(input: $input) {
              id registrationWarnings { code message suggestedMetadataPrefix } } }`,
            {
              input: {
                id,
                libraryName: 'Thư viện DSpace',
                libraryKind: 'university',
                baseUrl: provider.baseUrl('dspace'),
                metadataPrefix,
              },
            },
            staff,
          );
        const xoai = await register('dspace-xoai', 'xoai');
        expect(xoai.errors).toBeUndefined();
        expect(xoai.data!.registerSource.registrationWarnings).toEqual([
          {
            code: 'UNMAPPED_FORMAT',
            message: expect.stringContaining('"oai_dc"'),
            suggestedMetadataPrefix: 'oai_dc',
          },
        ]);
        const dc = await register('dspace-dc', 'oai_dc');
        expect(dc.data!.registerSource.registrationWarnings).toEqual([]);
      } finally {
        await gateway.close();
      }
    });
  });
});
