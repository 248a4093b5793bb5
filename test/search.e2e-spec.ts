import { INestApplication } from '@nestjs/common';
import { errorCode, gql } from './support/graphql-client';
import { RECORDS, SampleCatalogue } from './support/sample-catalogue';

describe('gateway: the GraphQL union catalogue', () => {
  const sample = new SampleCatalogue('search', { harvested: true });
  let gateway: INestApplication;
  beforeAll(async () => {
    ({ gateway } = await sample.start());
  }, 180_000);
  afterAll(() => sample.close());

  describe('search', () => {
    it('finds "Lịch sử Việt Nam" typed without diacritics', async () => {
      const result = await gql(gateway, RECORDS, { q: 'lich su viet nam' });
      expect(result.errors).toBeUndefined();
      const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
      expect(titles).toContain('Lịch sử Việt Nam');
    });

    it("matches 'đ' when 'd' is typed", async () => {
      const result = await gql(gateway, RECORDS, { q: 'duong xua may trang' });
      const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
      expect(titles).toEqual(
        expect.arrayContaining(['Đường xưa mây trắng', 'Đương xứa may trang']),
      );
    });

    it('ranks the diacritic-exact match above the folded one', async () => {
      const result = await gql(gateway, RECORDS, { q: 'Đường xưa mây trắng' });
      const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
      expect(titles[0]).toBe('Đường xưa mây trắng');
      expect(titles).toContain('Đương xứa may trang');
    });

    it('ranks a match in the title above the same words in a summary', async () => {
      for (const q of ['gốm Chu Đậu', 'gom chu dau']) {
        const result = await gql(gateway, RECORDS, { q });
        const titles = result.data!.searchRecords.records.map((r: { title: string }) => r.title);
        expect(titles).toEqual(['Gốm Chu Đậu', 'Nghề thủ công truyền thống']);
      }
    });

    it('finds a record by its ISBN in 13- and 10-digit form, with or without hyphens', async () => {
      const some = await gql(gateway, RECORDS, { first: 100 });
      const withIsbn = some.data!.searchRecords.records.find((r: { isbn: string[] }) =>
        r.isbn.some((i) => i.startsWith('978')),
      );
      const isbn13: string = withIsbn.isbn.find((i: string) => i.startsWith('978'));
      const body = isbn13.slice(3, 12);
      const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
      const check = (11 - (sum % 11)) % 11;
      const isbn10 = body + (check === 10 ? 'X' : String(check));
      for (const q of [
        isbn13,
        isbn10,
        `${isbn13.slice(0, 3)}-${isbn13.slice(3)}`,
        `isbn:${isbn10}`,
      ]) {
        const found = await gql(gateway, RECORDS, { q });
        expect(found.data!.searchRecords.records.map((r: { id: string }) => r.id)).toContain(
          withIsbn.id,
        );
      }
    });

    it('supports fielded and boolean syntax', async () => {
      const byAuthor = await gql(gateway, RECORDS, { q: 'author:"nguyen du"' });
      expect(byAuthor.data!.searchRecords.totalCount).toBeGreaterThan(0);
      for (const r of byAuthor.data!.searchRecords.records)
        expect(r.creators.join(' ')).toMatch(/Nguyễn Du/);
      const excluded = await gql(gateway, RECORDS, { q: 'truyen kieu -author:"nguyen du"' });
      for (const r of excluded.data!.searchRecords.records)
        expect(r.creators.join(' ')).not.toMatch(/Nguyễn Du/);
    });

    it('returns highlights of the matching words', async () => {
      const result = await gql(gateway, RECORDS, { q: 'truyện kiều' });
      const top = result.data!.searchRecords.records[0];
      const title = top.highlights.find((h: { field: string }) => h.field === 'title');
      // Marked in the title as the library wrote it, not in its lower-case search form.
      expect(title.fragments[0]).toContain('<em>Kiều</em>');
      expect(title.fragments[0].replace(/<\/?em>/g, '')).toBe(top.title);
    });

    it('filters by library kind, province, language, type and year range, with facet counts that add up', async () => {
      const all = await gql(gateway, RECORDS, { first: 1 });
      const facets = all.data!.searchRecords.facets;
      const total = all.data!.searchRecords.totalCount;
      expect(facets.sources.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(
        total,
      );
      expect(facets.libraryKinds.map((b: { value: string }) => b.value).sort()).toEqual([
        'national',
        'provincial',
      ]);

      const national = await gql(gateway, RECORDS, {
        f: { libraryKinds: ['national'] },
        first: 100,
      });
      expect(national.data!.searchRecords.totalCount).toBe(
        facets.libraryKinds.find((b: { value: string }) => b.value === 'national').count,
      );
      for (const r of national.data!.searchRecords.records)
        expect(r.heldBy).toMatchObject({ sourceId: 'nlv', libraryKind: 'national' });

      const vie = facets.languages.find((b: { value: string }) => b.value === 'vie');
      const filtered = await gql(gateway, RECORDS, {
        f: { languages: ['vie'], provinces: ['Hà Nội', 'TP. Hồ Chí Minh'] },
        first: 1,
      });
      expect(filtered.data!.searchRecords.totalCount).toBe(vie.count);

      const years = await gql(gateway, RECORDS, {
        f: { yearFrom: 2000, yearTo: 2010, types: ['book'] },
        first: 100,
      });
      for (const r of years.data!.searchRecords.records)
        expect(r.year).toBeGreaterThanOrEqual(2000);
      for (const r of years.data!.searchRecords.records) expect(r.year).toBeLessThanOrEqual(2010);
    });

    it('sorts by year and by title', async () => {
      const byYear = await gql(gateway, RECORDS, { s: 'YEAR_DESC', first: 50 });
      const years = byYear.data!.searchRecords.records.map(
        (r: { year: number | null }) => r.year ?? -1,
      );
      expect(years).toEqual([...years].sort((a, b) => b - a));
      const byTitle = await gql(gateway, RECORDS, { s: 'TITLE', first: 50 });
      const titles = byTitle.data!.searchRecords.records.map((r: { title: string }) => r.title);
      const folded = titles.map((t: string) =>
        t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase(),
      );
      expect(folded).toEqual([...folded].sort());
    });

    it('pages through every record to the last page, no repeats, no gaps', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let total = 0;
      for (let page = 0; page < 50; page++) {
        const result = await gql(gateway, RECORDS, {
          q: 'lich su',
          first: 7,
          after,
          s: 'RELEVANCE',
        });
        const data = result.data!.searchRecords;
        total = data.totalCount;
        seen.push(...data.records.map((r: { id: string }) => r.id));
        if (!data.pageInfo.hasNextPage) break;
        after = data.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
      expect(total).toBeGreaterThan(7);
    });

    it('refuses a cursor from another search, and oversized pages, with codes', async () => {
      const first = await gql(gateway, RECORDS, { q: 'lich su', first: 2 });
      const reused = await gql(gateway, RECORDS, {
        q: 'truyen kieu',
        first: 2,
        after: first.data!.searchRecords.pageInfo.endCursor,
      });
      expect(errorCode(reused)).toBe('BAD_CURSOR');
      expect(reused.errors![0].message).toMatch(/different query/);
      expect(JSON.stringify(reused.errors)).not.toMatch(/stack|at .*\.ts/);
      expect(errorCode(await gql(gateway, RECORDS, { first: 500 }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('records and suggestions', () => {
    it('looks records up by id, batching several, null for unknown ones', async () => {
      const page = await gql(gateway, RECORDS, { first: 2 });
      const [a, b] = page.data!.searchRecords.records.map((r: { id: string }) => r.id);
      const one = await gql(gateway, `query($id: ID!) { record(id: $id) { id title } }`, { id: a });
      expect(one.data!.record.id).toBe(a);
      const many = await gql(gateway, `query($ids: [ID!]!) { records(ids: $ids) { id } }`, {
        ids: [b, 'nlv:missing', a],
      });
      expect(many.data!.records).toEqual([{ id: b }, null, { id: a }]);
    });

    it('suggests titles for a prefix typed with or without diacritics', async () => {
      for (const prefix of ['lịch s', 'lich s']) {
        const result = await gql(
          gateway,
          `query($p: String!) { suggest(prefix: $p) { title recordId } }`,
          { p: prefix },
        );
        expect(result.data!.suggest.map((s: { title: string }) => s.title)).toContain(
          'Lịch sử Việt Nam',
        );
      }
    });
  });
});
