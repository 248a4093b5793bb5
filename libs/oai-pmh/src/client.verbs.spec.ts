import { startOaiProvider, type OaiProvider } from '@hop-luu/oai-test-provider';
import { testClientOptions } from '@hop-luu/oai-test-provider/client-options';
import { OaiPmhClient } from './client';
import { OaiErrorCode, OaiPmhError } from './errors';
import { HostThrottle } from './host-throttle';
import type { OaiPage } from './list/page';
import type { OaiItem, OaiRecord, PageEnd } from './types';
import { SaxesParser } from 'saxes';

async function collect<T>(pages: AsyncIterable<OaiPage<T>>) {
  const items: OaiItem<T>[] = [];
  const ends: PageEnd[] = [];
  for await (const page of pages) {
    for await (const item of page.items()) items.push(item);
    ends.push(page.end());
  }
  return { items, ends, records: items.flatMap((i) => (i.kind === 'record' ? [i.record] : [])) };
}

async function rejection(promise: Promise<unknown>): Promise<OaiPmhError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OaiPmhError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function parsesAlone(xml: string): boolean {
  const parser = new SaxesParser({ xmlns: true });
  parser.write(xml).close();
  return true;
}

describe('OaiPmhClient verbs against the test provider', () => {
  let provider: OaiProvider;
  let clients: OaiPmhClient[] = [];
  const client = (repo = 'lib', extra: object = {}) => {
    const c = new OaiPmhClient({ ...testClientOptions(provider.baseUrl(repo)), ...extra });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        { name: 'lib', records: 120, pageSize: 50 },
        {
          name: 'daylib',
          records: 30,
          pageSize: 10,
          granularity: 'day',
          sets: false,
          deletedRecord: 'no',
        },
      ],
    });
  });
  afterEach(() => {
    clients.forEach((c) => c.close());
    clients = [];
    provider.repo('lib').resetFaults();
  });
  afterAll(() => provider.close());

  it('Identify returns the repository description and granularity', async () => {
    const info = await client().identify();
    expect(info.protocolVersion).toBe('2.0');
    expect(info.granularity).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect(info.adminEmails).toEqual(['oai-admin@thuvien.example.vn']);
    expect(info.deletedRecord).toBe('persistent');
    expect(info.earliestDatestamp).toBe('2024-01-01T00:00:00Z');
    expect(Math.abs(info.responseDate.getTime() - Date.now())).toBeLessThan(5000);
    expect(info.descriptionXml[0]).toContain('<repositoryIdentifier>lib.vn</repositoryIdentifier>');
    expect((await client('daylib').identify()).granularity).toBe('YYYY-MM-DD');
  });

  it('sends the configured User-Agent and asks for compression', async () => {
    await client().identify();
    const { headers } = provider.repo('lib').requests.at(-1)!;
    expect(headers['user-agent']).toBe('HopLuu-test/1.0 (+mailto:test@hopluu.example.vn)');
    expect(headers['accept-encoding']).toContain('gzip');
  });

  it('ListMetadataFormats lists oai_dc and marc21, per item too', async () => {
    const formats = await client().listMetadataFormats();
    expect(formats.map((f) => f.metadataPrefix)).toEqual(['oai_dc', 'marc21']);
    expect(formats[1].metadataNamespace).toBe('http://www.loc.gov/MARC21/slim');
    expect(await client().listMetadataFormats('oai:lib.vn:0000001')).toHaveLength(2);
  });

  it('ListMetadataFormats: idDoesNotExist is thrown, noMetadataFormats is an empty list', async () => {
    const err = await rejection(client().listMetadataFormats('oai:lib.vn:nope'));
    expect(err.code).toBe(OaiErrorCode.IdDoesNotExist);
    expect(err.message).toContain('oai:lib.vn:nope');
    const repo = provider.repo('lib');
    const id = repo.addRecord();
    repo.deleteRecord(id);
    expect(await client().listMetadataFormats(id)).toEqual([]);
  });

  it('GetRecord returns header and standalone MARCXML', async () => {
    const item = await client().getRecord('oai:lib.vn:0000000', 'marc21');
    if (item.kind !== 'record') throw new Error(item.reason);
    const { header, metadataXml } = item.record;
    expect(header).toMatchObject({
      identifier: 'oai:lib.vn:0000000',
      datestamp: '2024-01-01T00:00:00Z',
      deleted: false,
    });
    expect(header.date?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(header.setSpecs).toEqual(['lib:lib', 'type:book', 'lang:vie']);
    expect(metadataXml).toMatch(/^<marc:record xmlns:marc="http:\/\/www.loc.gov\/MARC21\/slim">/);
    expect(metadataXml).toContain('Truyện Kiều');
    expect(parsesAlone(metadataXml!)).toBe(true);
  });

  it('GetRecord errors: idDoesNotExist, cannotDisseminateFormat', async () => {
    expect((await rejection(client().getRecord('oai:lib.vn:missing', 'oai_dc'))).code).toBe(
      OaiErrorCode.IdDoesNotExist,
    );
    const err = await rejection(client().getRecord('oai:lib.vn:0000001', 'mods'));
    expect(err.code).toBe(OaiErrorCode.CannotDisseminateFormat);
    expect(err.message).toMatch(/ListMetadataFormats/);
  });

  it('a deleted record comes back flagged, without metadata', async () => {
    provider.repo('lib').deleteRecord('oai:lib.vn:0000007');
    const item = await client().getRecord('oai:lib.vn:0000007', 'oai_dc');
    expect(item).toEqual({
      kind: 'record',
      record: expect.objectContaining({
        metadataXml: undefined,
        header: expect.objectContaining({ deleted: true }),
      }),
    });
  });

  it('ListRecords pages through the whole list with token, cursor and completeListSize', async () => {
    const { records, ends } = await collect(client().listRecords({ metadataPrefix: 'oai_dc' }));
    const repo = provider.repo('lib');
    expect(records).toHaveLength(repo.size);
    expect(new Set(records.map((r) => r.header.identifier)).size).toBe(repo.size);
    expect(ends.map((e) => e.resumptionToken?.cursor)).toEqual([0, 50, 100]);
    expect(ends[0].resumptionToken?.completeListSize).toBe(repo.size);
    expect(ends[0].resumptionToken?.expirationDate).toBeInstanceOf(Date);
    expect(ends.map((e) => e.lastPage)).toEqual([false, false, true]);
    expect(ends[0].stats).toMatchObject({ items: 50, requests: 1, retries: 0, failures: 0 });
    expect(ends[0].stats.bytes).toBeGreaterThan(10_000);
    const dc = records.find((r) => r.metadataXml)!.metadataXml!;
    expect(dc).toMatch(/^<oai_dc:dc xmlns:oai_dc=/);
    expect(parsesAlone(dc)).toBe(true);
  });

  it('about elements are returned as standalone XML', async () => {
    const { records } = await collect(client().listRecords({ metadataPrefix: 'oai_dc' }));
    const withAbout = records.find((r) => r.header.identifier === 'oai:lib.vn:0000003')!;
    expect(withAbout.aboutXml).toHaveLength(1);
    expect(withAbout.aboutXml[0]).toMatch(
      /^<provenance xmlns="http:\/\/www.openarchives.org\/OAI\/2.0\/provenance">/,
    );
  });

  it('adds namespace declarations inherited from the envelope to the payload root', async () => {
    provider.repo('lib').setModes({ hoistNamespaces: true });
    const item = await client().getRecord('oai:lib.vn:0000002', 'oai_dc');
    if (item.kind !== 'record') throw new Error(item.reason);
    const xml = item.record.metadataXml!;
    expect(xml).toMatch(
      /^<oai_dc:dc xmlns:oai_dc="http:\/\/www.openarchives.org\/OAI\/2.0\/oai_dc\/" xmlns:dc="http:\/\/purl.org\/dc\/elements\/1.1\/">/,
    );
    expect(parsesAlone(xml)).toBe(true);
  });

  it('selective harvesting: from/until (Date, formatted in the learned granularity) and set', async () => {
    const c = client();
    const from = new Date('2024-01-01T00:10:00Z');
    const until = new Date('2024-01-01T00:20:00Z');
    const { records } = await collect(c.listRecords({ metadataPrefix: 'oai_dc', from, until }));
    expect(records.length).toBeGreaterThan(5);
    for (const r of records) {
      expect(r.header.date!.getTime()).toBeGreaterThanOrEqual(from.getTime());
      expect(r.header.date!.getTime()).toBeLessThanOrEqual(until.getTime());
    }
    const sent = provider.repo('lib').requests.at(-1)!.params;
    expect(sent).toMatchObject({ from: '2024-01-01T00:10:00Z', until: '2024-01-01T00:20:00Z' });
    const english = await collect(c.listIdentifiers({ metadataPrefix: 'oai_dc', set: 'lang:eng' }));
    expect(english.records.length).toBeGreaterThan(0);
    expect(english.records.every((h) => h.setSpecs.includes('lang:eng'))).toBe(true);
  });

  it('day-granularity repository gets day datestamps', async () => {
    const { records } = await collect(
      client('daylib').listRecords({
        metadataPrefix: 'oai_dc',
        from: new Date('2024-01-01T13:45:00Z'),
      }),
    );
    expect(records).toHaveLength(30);
    expect(provider.repo('daylib').requests.at(-3)!.params.from).toBe('2024-01-01');
  });

  it('noRecordsMatch is an empty list with a responseDate, not an error', async () => {
    const pages = [];
    for await (const page of client().listRecords({
      metadataPrefix: 'oai_dc',
      from: new Date('2030-01-01T00:00:00Z'),
    })) {
      const items = [];
      for await (const item of page.items()) items.push(item);
      pages.push({ items, end: page.end() });
    }
    expect(pages).toHaveLength(1);
    expect(pages[0].items).toEqual([]);
    expect(pages[0].end.noRecordsMatch).toBe(true);
    expect(pages[0].end.responseDate).toBeInstanceOf(Date);
  });

  it('ListSets lists sets; noSetHierarchy is an empty list, but an error for set= harvesting', async () => {
    const { records } = await collect(client().listSets());
    expect(records.map((s) => s.setSpec)).toContain('lang:vie');
    expect(records.find((s) => s.setSpec === 'lang:vie')?.setName).toBe('Tiếng Việt');
    expect(records[0].descriptionXml[0]).toMatch(/^<oai_dc:dc /);
    expect((await collect(client('daylib').listSets())).records).toEqual([]);
    const err = await rejection(
      collect(client('daylib').listRecords({ metadataPrefix: 'oai_dc', set: 'lang:vie' })),
    );
    expect(err.code).toBe(OaiErrorCode.NoSetHierarchy);
  });

  it('ListIdentifiers returns headers including deleted ones', async () => {
    provider.repo('lib').deleteRecord('oai:lib.vn:0000011');
    const { records } = await collect(client().listIdentifiers({ metadataPrefix: 'marc21' }));
    expect(records.find((h) => h.identifier === 'oai:lib.vn:0000011')?.deleted).toBe(true);
  });

  it('resumes from a saved token with a NEW client instance, without overlap', async () => {
    const first = client();
    const seen: string[] = [];
    let saved = '';
    for await (const page of first.listRecords({ metadataPrefix: 'oai_dc' })) {
      for await (const item of page.items())
        if (item.kind === 'record') seen.push(item.record.header.identifier);
      saved = page.end().resumptionToken!.value;
      break; // the harvester stops after one page and saves the token
    }
    first.close();
    const { records } = await collect(client().listRecords({ resumptionToken: saved }));
    const all = [...seen, ...records.map((r) => r.header.identifier)];
    expect(all).toHaveLength(provider.repo('lib').size);
    expect(new Set(all).size).toBe(all.length);
  });

  it('validates arguments locally with badArgument errors', async () => {
    const c = client();
    const before = provider.repo('lib').requests.length;
    const first = (pages: AsyncIterable<unknown>) =>
      rejection(collect(pages as AsyncIterable<OaiPage<OaiRecord>>));
    const bad = { resumptionToken: 'x', metadataPrefix: 'oai_dc' } as unknown as {
      resumptionToken: string;
    };
    expect((await first(c.listRecords(bad))).code).toBe(OaiErrorCode.BadArgument);
    expect((await first(c.listRecords({ metadataPrefix: '' }))).code).toBe(
      OaiErrorCode.BadArgument,
    );
    const swapped = await first(
      c.listRecords({
        metadataPrefix: 'oai_dc',
        from: new Date('2025-01-02'),
        until: new Date('2025-01-01'),
      }),
    );
    expect(swapped.code).toBe(OaiErrorCode.BadArgument);
    expect(swapped.message).toContain('swap');
    expect(provider.repo('lib').requests.length).toBe(before);
  });

  it('reports badArgument and badVerb from the repository', async () => {
    // Seconds-granularity dates sent to a day repository are refused by it.
    const c = client('daylib', { granularity: 'YYYY-MM-DDThh:mm:ssZ' });
    const err = await rejection(
      collect(c.listRecords({ metadataPrefix: 'oai_dc', from: new Date() })),
    );
    expect(err.code).toBe(OaiErrorCode.BadArgument);
    const badVerb = await fetch(`${provider.baseUrl('lib')}?verb=Harvest`).then((r) => r.text());
    expect(badVerb).toContain('code="badVerb"');
  });

  it('maps a badVerb answer (repository lacking a verb) to a typed error', async () => {
    provider
      .repo('lib')
      .injectFault({ type: 'oaiError', code: 'badVerb', message: 'ListSets is not supported' });
    const err = await rejection(collect(client().listSets()));
    expect(err.code).toBe(OaiErrorCode.BadVerb);
    expect(err.message).toContain('ListSets is not supported');
  });

  it('learns granularity once via Identify when from/until are used', async () => {
    const c = client('daylib');
    provider.repo('daylib').requests.length = 0;
    await collect(
      c.listIdentifiers({ metadataPrefix: 'oai_dc', from: new Date('2024-01-01T00:00:00Z') }),
    );
    await collect(
      c.listIdentifiers({ metadataPrefix: 'oai_dc', until: new Date('2024-01-02T00:00:00Z') }),
    );
    expect(
      provider.repo('daylib').requests.filter((r) => r.params.verb === 'Identify'),
    ).toHaveLength(1);
  });

  it('a shared HostThrottle serialises requests to one host with the minimum delay', async () => {
    const throttle = new HostThrottle({ minDelayMs: 60 });
    const a = client('lib', { hostThrottle: throttle });
    const b = client('lib', { hostThrottle: throttle });
    const repo = provider.repo('lib');
    repo.requests.length = 0;
    await Promise.all([
      a.identify(),
      b.identify(),
      a.listMetadataFormats(),
      b.listMetadataFormats(),
    ]);
    const times = repo.requests.map((r) => r.at).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++)
      expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(50);
  });
});
