import { INestApplication } from '@nestjs/common';
import { gql } from './support/graphql-client';
import { WORKS, SampleCatalogue } from './support/sample-catalogue';

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('works_and_clusters', { harvested: true });
  let gateway: INestApplication;
  beforeAll(async () => {
    ({ gateway } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

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
        `query($id: String!) { cluster(id: $id) { id records { id heldBy { sourceId libraryName } work { id } }
          members { rule facts joinedWith record { id } } } }`,
        { id: shared.id },
      );
      expect(cluster.errors).toBeUndefined();
      const { records, members } = cluster.data!.cluster;
      expect(records).toHaveLength(shared.holdingsCount);
      expect(records.every((r: { work: { id: string } }) => r.work.id === shared.id)).toBe(true);
      // Evidence per membership: every member says by which rule it is there.
      expect(members.map((m: { record: { id: string } }) => m.record.id)).toEqual(
        records.map((r: { id: string }) => r.id),
      );
      for (const member of members) {
        expect(member.rule).toEqual(expect.any(String));
        expect(member.facts).toEqual(expect.any(Array));
      }
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
});
