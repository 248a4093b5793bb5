import { OaiPmhClient } from './client';
import { OaiErrorCode, OaiPmhError } from './errors';
import { HostThrottle } from './host-throttle';
import { useProviderRepository } from './testing/provider-fixture';
import { failure, harvest } from './testing/harvest';

/** Repository quirks seen in the wild, each served for real by a provider mode. */
describe('OaiPmhClient against real-world repository quirks (real HTTP on 127.0.0.1)', () => {
  const { repo, client, requestsDuring } = useProviderRepository(
    { name: 'quirks', records: 45, pageSize: 10 },
    { hostThrottle: new HostThrottle({ backoffStepMs: 10 }) },
  );
  /** Reads the first page of a fresh list and returns its token. */
  const firstToken = async (c: OaiPmhClient): Promise<string> => {
    for await (const page of c.listRecords({ metadataPrefix: 'oai_dc' })) {
      const end = await page.finish();
      return end.resumptionToken?.value ?? '';
    }
    return '';
  };

  describe('OAI-PMH errors sent with HTTP 4xx/5xx (errorStatus mode, as InvenioRDM)', () => {
    it('reads noRecordsMatch sent with HTTP 422 as an empty list', async () => {
      repo().setModes({ errorStatus: 422 });
      const h = await harvest(client(), {
        metadataPrefix: 'oai_dc',
        from: new Date(Date.now() + 86_400_000),
        granularity: 'YYYY-MM-DDThh:mm:ssZ',
      });
      expect(h.error).toBeUndefined();
      expect(h.items).toHaveLength(0);
      expect(h.ends).toEqual([expect.objectContaining({ noRecordsMatch: true, lastPage: true })]);
    });

    it('turns badResumptionToken with HTTP 422 on a saved token into RESUME_TOKEN_REJECTED', async () => {
      repo().tokenTtlMs = 1;
      const saved = await firstToken(client());
      await new Promise((resolve) => setTimeout(resolve, 20));
      repo().setModes({ errorStatus: 422 });
      const h = await harvest(client(), { resumptionToken: saved });
      expect(h.error?.code).toBe(OaiErrorCode.ResumeTokenRejected);
      expect(h.error?.message).toMatch(/restart the list/);
    });

    it.each([422, 400, 500])(
      'reports the OAI-PMH error (not HTTP_ERROR) of a body sent with HTTP %i, without retrying',
      async (status) => {
        repo().setModes({ errorStatus: status });
        let error: OaiPmhError | undefined;
        const sent = await requestsDuring(
          async () => (error = await failure(client().getRecord('oai:quirks.vn:none', 'oai_dc'))),
        );
        expect(error?.code).toBe(OaiErrorCode.IdDoesNotExist);
        expect(error?.message).toContain('answered OAI-PMH error idDoesNotExist');
        expect(sent).toBe(1);
      },
    );

    it('still retries a 503 whose body is not OAI-PMH', async () => {
      repo().setModes({ errorStatus: 422 });
      repo().injectFault({ type: 'status', status: 503 }, 2);
      const sent = await requestsDuring(() => client().identify());
      expect(sent).toBe(3);
    });
  });

  describe('root element outside the OAI-PMH namespace (rootNamespace mode)', () => {
    it.each([
      ['no namespace', null],
      ['a wrong URI', 'http://www.openarchives.org/OAI/2.0'],
    ])('accepts <OAI-PMH> in %s with one warning naming the namespace', async (_what, uri) => {
      repo().setModes({ rootNamespace: uri });
      const logged: string[] = [];
      const h = await harvest(client({ logger: { warn: (m) => logged.push(m) } }));
      expect(h.error).toBeUndefined();
      expect(h.items.filter((i) => i.kind === 'record')).toHaveLength(45);
      const warnings = h.ends.flatMap((e) => e.warnings);
      expect(warnings).toEqual([expect.objectContaining({ code: 'ROOT_NAMESPACE' })]);
      expect(h.ends[0].warnings).toHaveLength(1);
      expect(warnings[0].message).toContain(uri === null ? 'no namespace' : `namespace "${uri}"`);
      expect(warnings[0].message).toContain('"http://www.openarchives.org/OAI/2.0/"');
      expect(logged).toEqual([warnings[0].message]);
    });

    it('names the root element and namespace found when the XML is not OAI-PMH', async () => {
      repo().injectFault({ type: 'nonOai' });
      const error = await failure(client().identify());
      expect(error.code).toBe(OaiErrorCode.NotOaiPmh);
      expect(error.message).toContain('root is <rss> in no namespace');
      expect(error.message).toContain(
        '<OAI-PMH> in namespace "http://www.openarchives.org/OAI/2.0/"',
      );
    });

    it('refuses an <OAI-PMH> root in another namespace whose content is not OAI-PMH', async () => {
      const body =
        '<?xml version="1.0"?><OAI-PMH xmlns="urn:example:status"><status>up</status></OAI-PMH>';
      repo().injectFault({ type: 'status', status: 200, body });
      const error = await failure(client().identify());
      expect(error.code).toBe(OaiErrorCode.NotOaiPmh);
      expect(error.message).toContain('<OAI-PMH> in namespace "urn:example:status"');
      expect(error.message).toContain('first child is <status>');
    });
  });

  describe('cursor that counts pages (pageCursor mode, as DSpace XOAI)', () => {
    /** The token of the second page (cursor=1 in pageCursor mode). */
    const secondPageToken = () => firstToken(client());

    it('completes a resumed list without a false INCOMPLETE_LIST', async () => {
      repo().setModes({ pageCursor: true });
      const h = await harvest(client(), { resumptionToken: await secondPageToken() });
      expect(h.ends[0].resumptionToken?.cursor).toBe(1);
      expect(h.error).toBeUndefined();
      expect(h.items).toHaveLength(35);
    });

    it('still finds a short fresh list, counting the entries received', async () => {
      repo().setModes({ pageCursor: true, shortBy: 5 });
      const h = await harvest(client());
      expect(h.error).toMatchObject({
        code: OaiErrorCode.IncompleteList,
        expectedCount: 50,
        receivedCount: 45,
      });
    });

    it('still finds a short resumed list when its cursors are record offsets', async () => {
      repo().setModes({ shortBy: 5 });
      const h = await harvest(client(), { resumptionToken: await secondPageToken() });
      expect(h.items).toHaveLength(35);
      expect(h.error).toMatchObject({ expectedCount: 50, receivedCount: 45 });
    });
  });

  describe('compact datestamps (compactDatestamps mode)', () => {
    it('parses ISO 8601 basic datestamps and leaves zone-less ones unparsed, as sent', async () => {
      repo().setModes({ compactDatestamps: true });
      const h = await harvest(client());
      const headers = h.items.flatMap((i) => (i.kind === 'record' ? [i.record.header] : []));
      expect(headers).toHaveLength(45);
      const unread = headers.filter((header) => header.date === undefined);
      expect(unread.map((header) => header.datestamp)).toEqual([
        expect.stringMatching(/^\d{8}T\d{4}$/),
        expect.stringMatching(/^\d{8}T\d{4}$/),
        expect.stringMatching(/^\d{8}T\d{4}$/),
        expect.stringMatching(/^\d{8}T\d{4}$/),
      ]);
      const read = headers.find((header) => header.date !== undefined);
      expect(read?.datestamp).toMatch(/^\d{8}T\d{6}Z$/);
      expect(read?.date?.toISOString().replace(/[-:]|\.000/g, '')).toBe(read?.datestamp);
    });
  });
});
