import { OaiErrorCode } from './errors';
import type { PageEnd } from './types';
import { useProviderRepository } from './testing/provider-fixture';
import { harvest, type Harvest } from './testing/harvest';

const ids = (h: Harvest) =>
  h.items.map((i) => (i.kind === 'record' ? i.record.header.identifier : i.identifier));

describe('OaiPmhClient list handling (real HTTP on 127.0.0.1)', () => {
  const { repo, client } = useProviderRepository({ name: 'list', records: 45, pageSize: 10 });

  it('stops a token loop with TOKEN_LOOP after delivering the pages before it', async () => {
    repo().setModes({ tokenLoop: true });
    const h = await harvest(client());
    expect(h.error?.code).toBe(OaiErrorCode.TokenLoop);
    expect(h.error?.message).toContain('a second time');
    expect(h.items).toHaveLength(20); // page 1, then page 2 which repeated its own token
  });

  it('ends normally after a few spurious empty pages', async () => {
    repo().setModes({ spuriousLastToken: 2 });
    const h = await harvest(client());
    expect(h.error).toBeUndefined();
    expect(h.items).toHaveLength(45);
    expect(h.ends.slice(-2).map((e) => e.stats.items)).toEqual([0, 0]);
  });

  it('stops endless empty pages with TOO_MANY_EMPTY_PAGES', async () => {
    repo().setModes({ spuriousLastToken: Infinity });
    const h = await harvest(client({ maxEmptyPages: 3 }));
    expect(h.error?.code).toBe(OaiErrorCode.TooManyEmptyPages);
    expect(h.items).toHaveLength(45);
    expect(h.ends).toHaveLength(5 + 3);
  });

  it('caps endless lists with PAGE_CAP_REACHED carrying a token to resume from', async () => {
    repo().setModes({ endless: true });
    const h = await harvest(client({ maxPages: 7 }));
    expect(h.error?.code).toBe(OaiErrorCode.PageCapReached);
    expect(h.error?.resumptionToken).toBeTruthy();
    expect(h.items).toHaveLength(65);
  });

  it('retries badResumptionToken mid-list with the same token', async () => {
    repo().injectFault({ type: 'badResumptionToken' }, 2);
    const h = await harvest(client({ badTokenRetries: 2 }));
    expect(h.error).toBeUndefined();
    expect(new Set(ids(h)).size).toBe(45);
  });

  it('reports badResumptionToken when retries are exhausted mid-list', async () => {
    repo().injectFault({ type: 'badResumptionToken' }, 3);
    const h = await harvest(client({ badTokenRetries: 2 }));
    expect(h.error?.code).toBe(OaiErrorCode.BadResumptionToken);
    expect(h.items).toHaveLength(10);
  });

  it('reports RESUME_TOKEN_REJECTED when a saved token has expired', async () => {
    repo().tokenTtlMs = 1;
    let saved = '';
    for await (const page of client().listRecords({ metadataPrefix: 'oai_dc' })) {
      for await (const _ of page.items());
      saved = page.end().resumptionToken!.value;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const h = await harvest(client(), { resumptionToken: saved });
    expect(h.error?.code).toBe(OaiErrorCode.ResumeTokenRejected);
    expect(h.error?.message).toMatch(/restart the list/);
    expect(h.items).toHaveLength(0);
  });

  it('throws INCOMPLETE_LIST after the last page when fewer records came than completeListSize', async () => {
    repo().setModes({ shortBy: 5 });
    const h = await harvest(client());
    expect(h.items).toHaveLength(45);
    expect(h.ends.at(-1)?.lastPage).toBe(true);
    expect(h.error?.code).toBe(OaiErrorCode.IncompleteList);
    expect(h.error).toMatchObject({ expectedCount: 50, receivedCount: 45 });
  });

  it('counts from the resumed cursor when checking completeness', async () => {
    let saved = '';
    for await (const page of client().listRecords({ metadataPrefix: 'oai_dc' })) {
      await page.finish();
      saved = page.end().resumptionToken!.value;
      break;
    }
    const h = await harvest(client(), { resumptionToken: saved });
    expect(h.error).toBeUndefined();
    expect(h.items).toHaveLength(35);
  });

  it.each(['amp', 'xmlDecl', 'charRef'] as const)(
    'reports a record with a broken payload (%s) as a failure and keeps the rest',
    async (kind) => {
      repo().setModes({ brokenRecords: { every: 4, at: 1, kind } });
      const h = await harvest(client());
      expect(h.error).toBeUndefined();
      const failures = h.items.filter((i) => i.kind === 'failure');
      expect(failures).toHaveLength(13); // positions 1, 5, 9 on the four pages of 10, position 1 on the last
      expect(h.items).toHaveLength(45);
      expect(failures[0]).toMatchObject({ kind: 'failure', identifier: 'oai:list.vn:0000001' });
      expect(h.ends[0].stats.failures).toBe(3);
    },
  );

  it('does not yield records twice when a page fails mid-stream and is retried', async () => {
    const seen: string[] = [];
    let seenAtRetry = -1;
    const c = client({ logger: { warn: () => (seenAtRetry = seen.length) } });
    const pages = c.listRecords({ metadataPrefix: 'marc21' });
    let retriedStats: PageEnd['stats'] | undefined;
    let pageNo = 0;
    for await (const page of pages) {
      // Page 2 is requested after page 1 is read: make its connection drop half-way.
      if (++pageNo === 1) repo().injectFault({ type: 'resetMidBody' }, 1);
      for await (const item of page.items())
        if (item.kind === 'record') seen.push(item.record.header.identifier);
      if (pageNo === 2) retriedStats = page.end().stats;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    expect(retriedStats).toMatchObject({ retries: 1, requests: 2, items: 10 });
    // Some records of page 2 had been delivered before the connection dropped.
    expect(seenAtRetry).toBeGreaterThan(10);
    expect(seenAtRetry).toBeLessThan(20);
  });

  it('drains pages whose items the caller skipped, so the list still advances', async () => {
    let pages = 0;
    let last: PageEnd | undefined;
    for await (const page of client().listIdentifiers({ metadataPrefix: 'oai_dc' })) {
      pages++;
      last = await page.finish();
    }
    expect(pages).toBe(5);
    expect(last?.lastPage).toBe(true);
  });

  it('refuses to continue a list after the caller abandoned a page half-way', async () => {
    const run = async () => {
      for await (const page of client().listRecords({ metadataPrefix: 'oai_dc' })) {
        for await (const _ of page.items()) break;
      }
    };
    await expect(run()).rejects.toThrow(/items\(\) was left before the end of the page/);
  });
});
