import { startOaiProvider, type OaiProvider } from '../../../test/oai-provider';
import { testClientOptions } from '../../../test/oai-provider/client-options';
import { OaiPmhClient } from './client';
import { OaiErrorCode } from './errors';
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
});
