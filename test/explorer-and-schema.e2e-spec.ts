import { INestApplication } from '@nestjs/common';
import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { gql } from './support/graphql-client';
import { RECORDS, SampleCatalogue, WORKS } from './support/sample-catalogue';

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('explorer_and_schema', { harvested: false, strict: true });
  const { keys } = sample;
  let gateway: INestApplication;
  let strict: INestApplication;
  beforeAll(async () => {
    ({ gateway, strict } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

  describe('explorer', () => {
    it('serves a GraphQL explorer with every asset from the gateway itself', async () => {
      const page = await request(gateway.getHttpServer()).get('/explorer').expect(200);
      const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBe(5);
      for (const asset of assets) {
        expect(asset.startsWith('/explorer/assets/')).toBe(true);
        const response = await request(gateway.getHttpServer()).get(asset).expect(200);
        expect(
          Number(response.headers['content-length'] ?? response.text?.length ?? 1),
        ).toBeGreaterThan(0);
      }
    });

    it('answers the introspection query explorers send, whatever the depth limit', async () => {
      const result = await gql(strict, getIntrospectionQuery(), {}, keys.nlv);
      expect(result.errors).toBeUndefined();
      expect(result.data!.__schema.queryType.name).toBe('Query');
    });

    it('describes every type and field in the schema', async () => {
      const result = await gql(
        gateway,
        `{ __schema { types { name description fields { name description } } } }`,
      );
      const ours = result.data!.__schema.types.filter(
        (t: { name: string }) =>
          !t.name.startsWith('__') &&
          !['String', 'Int', 'Boolean', 'ID', 'Float', 'DateTime'].includes(t.name),
      );
      const missing = ours.flatMap(
        (t: {
          name: string;
          description: string | null;
          fields: { name: string; description: string | null }[] | null;
        }) => [
          ...(t.description ? [] : [t.name]),
          ...(t.fields ?? []).filter((f) => !f.description).map((f) => `${t.name}.${f.name}`),
        ],
      );
      expect(missing).toEqual([]);
    });
  });
  describe('before the first harvest', () => {
    it('answers searches with an empty page, not an error', async () => {
      const works = await gql(gateway, WORKS, { q: 'Truyện Kiều' }, keys.nlv);
      expect(works.errors).toBeUndefined();
      expect(works.data!.search).toMatchObject({ totalCount: 0, works: [] });
      const records = await gql(gateway, RECORDS, { q: 'Truyện Kiều' }, keys.nlv);
      expect(records.errors).toBeUndefined();
      expect(records.data!.searchRecords).toMatchObject({ totalCount: 0, records: [] });
    });
  });
});
