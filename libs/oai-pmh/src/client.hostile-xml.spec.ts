import { startOaiProvider, type OaiProvider } from '@hop-luu/oai-test-provider';
import { testClientOptions } from '@hop-luu/oai-test-provider/client-options';
import { OaiPmhClient } from './client';
import { OaiErrorCode, OaiPmhError } from './errors';
import type { OaiItem, OaiRecord } from './types';

const PAGE = 30;

async function firstPage(client: OaiPmhClient): Promise<OaiItem<OaiRecord>[]> {
  const items: OaiItem<OaiRecord>[] = [];
  for await (const page of client.listRecords({ metadataPrefix: 'oai_dc' })) {
    for await (const item of page.items()) items.push(item);
    break;
  }
  return items;
}

describe('OaiPmhClient against hostile XML (real HTTP on 127.0.0.1)', () => {
  let provider: OaiProvider;
  let clients: OaiPmhClient[] = [];
  const repo = () => provider.repo('hostile');
  const client = () => {
    const c = new OaiPmhClient(testClientOptions(provider.baseUrl('hostile')));
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [{ name: 'hostile', records: PAGE, pageSize: PAGE }],
    });
  });
  afterEach(() => {
    clients.forEach((c) => c.close());
    clients = [];
    repo().resetFaults();
  });
  afterAll(() => provider.close());

  it('reports a record larger than the limit as RECORD_TOO_LARGE and delivers the rest of the page', async () => {
    repo().setModes({ hugeRecord: { mib: 40, position: 2 } });
    const items = await firstPage(client());
    const failures = items.filter((i) => i.kind === 'failure');
    expect(failures).toEqual([
      expect.objectContaining({
        code: OaiErrorCode.RecordTooLarge,
        identifier: 'oai:hostile.vn:0000002',
        reason: expect.stringContaining(`limit of ${16 * 1024 * 1024} characters`),
      }),
    ]);
    const delivered = items.flatMap((i) =>
      i.kind === 'record' ? [i.record.header.identifier] : [],
    );
    expect(delivered).toHaveLength(PAGE - 1);
    expect(delivered).toContain('oai:hostile.vn:0000003');
  });

  it('fails the page with XML_TOO_DEEP when 50,000 elements are nested outside the records', async () => {
    repo().setModes({ deepNesting: { depth: 50_000, where: 'envelope' } });
    const error = await firstPage(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OaiPmhError);
    expect(error).toMatchObject({
      code: OaiErrorCode.XmlTooDeep,
      message: expect.stringMatching(/nested more than 256 deep outside the records.*report it/),
    });
  });

  it('fails only the record that nests 50,000 elements, with its identifier', async () => {
    repo().setModes({ deepNesting: { depth: 50_000, where: 'record', position: 4 } });
    const items = await firstPage(client());
    expect(items.filter((i) => i.kind === 'failure')).toEqual([
      expect.objectContaining({
        code: OaiErrorCode.XmlTooDeep,
        identifier: 'oai:hostile.vn:0000004',
        reason: expect.stringContaining('nested more than 256 deep'),
      }),
    ]);
    expect(items.filter((i) => i.kind === 'record')).toHaveLength(PAGE - 1);
  });
});
