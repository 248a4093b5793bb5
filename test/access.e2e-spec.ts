import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { errorCode, gql } from './support/graphql-client';
import { SampleCatalogue } from './support/sample-catalogue';

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('access', { harvested: true });
  const { keys } = sample;
  let harvester: INestApplication;
  let gateway: INestApplication;
  beforeAll(async () => {
    ({ harvester, gateway } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

  describe('runs and access', () => {
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
  });
});
