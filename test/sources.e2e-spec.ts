import { INestApplication } from '@nestjs/common';
import type { OaiProvider } from '@hop-luu/oai-test-provider';
import { eventually } from './support/eventually';
import { errorCode, gql } from './support/graphql-client';
import { RECORDS, SampleCatalogue } from './support/sample-catalogue';

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('sources', { harvested: true, strict: true });
  const { keys, register, harvest } = sample;
  let provider: OaiProvider;
  let gateway: INestApplication;
  let strict: INestApplication;
  beforeAll(async () => {
    ({ provider, gateway, strict } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

  describe('sources', () => {
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
});
