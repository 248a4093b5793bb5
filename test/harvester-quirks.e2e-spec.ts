import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { CatalogueIndex } from '@hop-luu/search-index';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { OaiProvider, startOaiProvider } from './oai-provider';
import type { ResponseModes } from './oai-provider/faults';
import { queueRun, registerSource, waitForRun } from './support/harvest-helpers';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

/** Real-world repository quirks (provider modes) through the real harvester pipeline. */
describe('harvester: repository quirks seen in the wild', () => {
  const QUIRKS: Record<string, ResponseModes> = {
    invenio: { errorStatus: 422 },
    stray: { rootNamespace: null },
    compact: { compactDatestamps: true },
    badbytes: { invalidUtf8: true },
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

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: Object.keys(QUIRKS).map((name, seed) => ({
        name,
        records: 20,
        pageSize: 10,
        generator: { seed: seed + 1 },
      })),
    });
    for (const [name, modes] of Object.entries(QUIRKS)) provider.repo(name).setModes(modes);
    env = await isolatedTestEnv('quirks', { HARVEST_RETRY_MAX_ATTEMPTS: '2' });
    app = await createApp(harvesterApp, loadConfig({ ...process.env, ...env }));
    await app.init();
    ctx = app;
    for (const name of Object.keys(QUIRKS)) await registerSource(ctx, provider, name);
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
    const warnings = await documentWarnings('badbytes');
    expect(warnings).toHaveLength(20);
    for (const w of warnings)
      expect(w).toContainEqual(expect.stringMatching(/^dc:description: contains U\+FFFD/));
  });
});
