import { testClientOptions } from '@hop-luu/oai-test-provider/client-options';
import { OaiPmhClient } from './client';
import { OaiErrorCode, OaiPmhError } from './errors';
import { HostThrottle } from './host-throttle';
import { publicAddressesOnly } from './net/address-policy';
import type { OaiRecord, PageEnd } from './types';
import { useProviderRepository } from './testing/provider-fixture';
import { failure } from './testing/harvest';

async function harvest(client: OaiPmhClient, metadataPrefix = 'oai_dc') {
  const records: OaiRecord[] = [];
  const ends: PageEnd[] = [];
  for await (const page of client.listRecords({ metadataPrefix })) {
    for await (const item of page.items()) if (item.kind === 'record') records.push(item.record);
    ends.push(page.end());
  }
  return { records, ends };
}

async function title(client: OaiPmhClient, id = 'oai:faulty.vn:0000001'): Promise<string> {
  const item = await client.getRecord(id, 'oai_dc');
  if (item.kind !== 'record') throw new Error(item.reason);
  return /<dc:title>([^<]*)<\/dc:title>/.exec(item.record.metadataXml ?? '')?.[1] ?? '';
}

describe('OaiPmhClient transport faults (real HTTP on 127.0.0.1)', () => {
  const fixture = useProviderRepository(
    { name: 'faulty', records: 60, pageSize: 25 },
    { hostThrottle: new HostThrottle({ backoffStepMs: 10 }) },
  );
  const { repo, client, track } = fixture;
  const requestsDuring = (run: () => Promise<unknown>) =>
    fixture.requestsDuring(() => run().catch(() => undefined));

  describe('retries', () => {
    it('honours Retry-After in seconds on 503, then succeeds', async () => {
      repo().injectFault({ type: 'status', status: 503, retryAfter: 1 });
      const started = Date.now();
      const info = await client().identify();
      expect(info.repositoryName).toContain('faulty');
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });

    it('parses Retry-After given as an HTTP-date (not as seconds)', async () => {
      const at = new Date(Date.now() + 2000);
      repo().injectFault({ type: 'status', status: 503, retryAfter: at });
      const started = Date.now();
      await client().identify();
      const waited = Date.now() - started;
      // The header has 1 s resolution: the wait is 1-2 s, neither 0 nor thousands of seconds.
      expect(waited).toBeGreaterThanOrEqual(900);
      expect(waited).toBeLessThan(3000);
    });

    it('fails fast with RETRY_AFTER_TOO_LONG and retryAt when Retry-After exceeds the cap', async () => {
      repo().injectFault({ type: 'status', status: 503, retryAfter: 7200 });
      const before = Date.now();
      const err = await failure(client().identify());
      expect(err.code).toBe(OaiErrorCode.RetryAfterTooLong);
      expect(err.message).toMatch(
        /HTTP 503 with Retry-After of 7200 s, over the 5 s cap; try again after 20\d\d-/,
      );
      expect(err.retryAt!.getTime() - before).toBeGreaterThanOrEqual(7_199_000);
      expect(err.retryAt!.getTime() - before).toBeLessThan(7_205_000);
    });

    it('uses the date form for retryAt too', async () => {
      const at = new Date(Math.floor((Date.now() + 3_600_000) / 1000) * 1000);
      repo().injectFault({ type: 'status', status: 429, retryAfter: at });
      const err = await failure(client().identify());
      expect(err.code).toBe(OaiErrorCode.RetryAfterTooLong);
      expect(Math.abs(err.retryAt!.getTime() - at.getTime())).toBeLessThan(1500);
    });

    it('retries 429 and 500 with backoff and reports the retries in page stats', async () => {
      repo()
        .injectFault({ type: 'status', status: 429 })
        .injectFault({ type: 'status', status: 500 });
      const { records, ends } = await harvest(client());
      expect(records).toHaveLength(60);
      expect(ends[0].stats).toMatchObject({ requests: 3, retries: 2 });
    });

    it('slows a host down after 429/503 and speeds up after successes', async () => {
      const throttle = new HostThrottle({ minDelayMs: 0, backoffStepMs: 40 });
      const c = client({ hostThrottle: throttle });
      const host = new URL(fixture.provider.baseUrl('faulty')).host;
      repo().injectFault({ type: 'status', status: 429 }, 2);
      await c.identify();
      expect(throttle.delayFor(host)).toBeGreaterThan(0);
      const slowed = throttle.delayFor(host);
      for (let i = 0; i < 4; i++) await c.identify();
      expect(throttle.delayFor(host)).toBeLessThan(slowed);
    });

    it('gives up after maxAttempts with HTTP_ERROR carrying the status', async () => {
      repo().injectFault({ type: 'status', status: 500 }, 10);
      let err: OaiPmhError | undefined;
      const sent = await requestsDuring(async () => (err = await failure(client().identify())));
      expect(sent).toBe(4);
      expect(err?.code).toBe(OaiErrorCode.HttpError);
      expect(err?.status).toBe(500);
      expect(err?.message).toContain('Gave up after 4 attempts');
    });

    it('does not retry non-transient statuses', async () => {
      repo().injectFault({ type: 'status', status: 403 }, 5);
      let err: OaiPmhError | undefined;
      expect(await requestsDuring(async () => (err = await failure(client().identify())))).toBe(1);
      expect(err?.status).toBe(403);
    });

    it('retries a connection reset', async () => {
      repo().injectFault({ type: 'reset' });
      expect((await client().identify()).protocolVersion).toBe('2.0');
    });

    it('times out a server that never answers (idle timeout)', async () => {
      repo().injectFault({ type: 'hang' });
      const started = Date.now();
      const err = await failure(
        client({ idleTimeoutMs: 300, retry: { maxAttempts: 1 } }).identify(),
      );
      expect(err.code).toBe(OaiErrorCode.Timeout);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('times out a server that trickles bytes (total timeout)', async () => {
      repo().injectFault({ type: 'trickle', bytesPerTick: 50, intervalMs: 20 });
      const started = Date.now();
      const c = client({ timeoutMs: 600, idleTimeoutMs: 300, retry: { maxAttempts: 1 } });
      const err = await failure(harvest(c));
      expect(err.code).toBe(OaiErrorCode.Timeout);
      expect(err.message).toMatch(/total timeout/);
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });

  describe('bodies and encodings', () => {
    it.each(['gzip', 'deflate'] as const)(
      'decodes %s bodies and counts decompressed bytes',
      async (encoding) => {
        const plain = await harvest(client());
        repo().setModes({ encoding });
        const packed = await harvest(client());
        expect(packed.records).toEqual(plain.records);
        expect(packed.ends[0].stats.bytes).toBe(plain.ends[0].stats.bytes);
      },
    );

    it('ignores a wrong or missing charset label on a UTF-8 body', async () => {
      const expected = await title(client());
      expect(expected).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      repo().setModes({ charset: 'ISO-8859-1' });
      expect(await title(client())).toBe(expected);
      repo().setModes({ charset: null });
      expect(await title(client())).toBe(expected);
    });

    it('accepts a byte-order mark and blank lines before the XML declaration', async () => {
      repo().setModes({ bom: true });
      expect((await harvest(client())).records).toHaveLength(60);
      repo().setModes({ bom: false, leadingWhitespace: true });
      expect((await harvest(client())).records).toHaveLength(60);
    });

    it('removes and counts characters illegal in XML 1.0', async () => {
      repo().setModes({ controlChars: true });
      const { records, ends } = await harvest(client());
      expect(records).toHaveLength(60);
      expect(ends[0].stats.illegalCharsRemoved).toBe(25 * 3);
      // eslint-disable-next-line no-control-regex -- asserting the control characters are gone
      expect(records[0].metadataXml).not.toMatch(/[\x01\x0B\x1F]/);
    });

    it('replaces and counts invalid UTF-8 bytes', async () => {
      repo().setModes({ invalidUtf8: true });
      const { records, ends } = await harvest(client());
      expect(records).toHaveLength(60);
      expect(ends[0].stats.invalidBytesReplaced).toBe(25 * 2);
      expect(records[0].metadataXml).toContain('\uFFFD(\uFFFD');
    });

    it('keeps characters outside the BMP intact across 3-byte chunks', async () => {
      repo().setModes({ nonBmp: true });
      repo().injectFault({ type: 'trickle', bytesPerTick: 3, intervalMs: 0 });
      const text = await title(client());
      expect(text).toContain('𡨸喃 𠊛 𤾓𢆥 𨤮');
    });

    it('reports an HTML error page served with 200 as NOT_OAI_PMH, without retrying', async () => {
      repo().injectFault({ type: 'html200' }, 5);
      let err: OaiPmhError | undefined;
      expect(await requestsDuring(async () => (err = await failure(client().identify())))).toBe(1);
      expect(err?.code).toBe(OaiErrorCode.NotOaiPmh);
      expect(err?.message).toMatch(/HTML/);
    });

    it('reports well-formed non-OAI XML as NOT_OAI_PMH', async () => {
      repo().injectFault({ type: 'nonOai' });
      const err = await failure(client().identify());
      expect(err.code).toBe(OaiErrorCode.NotOaiPmh);
      expect(err.message).toContain('<rss>');
    });

    it('retries an empty body, and reports EMPTY_RESPONSE if it persists', async () => {
      repo().injectFault({ type: 'emptyBody' });
      expect((await client().identify()).protocolVersion).toBe('2.0');
      repo().injectFault({ type: 'emptyBody' }, 10);
      expect((await failure(client().identify())).code).toBe(OaiErrorCode.EmptyResponse);
    });

    it('retries truncated XML, and reports TRUNCATED_RESPONSE if it persists', async () => {
      repo().injectFault({ type: 'truncate', fraction: 0.5 });
      const { records } = await harvest(client());
      expect(records).toHaveLength(60);
      repo().injectFault({ type: 'truncate', fraction: 0.5 }, 10);
      expect((await failure(harvest(client()))).code).toBe(OaiErrorCode.TruncatedResponse);
    });

    it('refuses responses over maxResponseBytes, counting decompressed bytes', async () => {
      repo().setModes({ encoding: 'gzip' });
      const err = await failure(harvest(client({ maxResponseBytes: 20_000 })));
      expect(err.code).toBe(OaiErrorCode.ResponseTooLarge);
      expect(err.message).toContain('20000 bytes');
    });
  });

  describe('security', () => {
    it('refuses loopback addresses by default, before sending anything', async () => {
      const strict = {
        ...testClientOptions(fixture.provider.baseUrl('faulty')),
        allowPrivateAddresses: false,
      };
      for (const baseUrl of [strict.baseUrl, strict.baseUrl.replace('127.0.0.1', 'localhost')]) {
        const c = new OaiPmhClient({ ...strict, baseUrl });
        track(c);
        let err: OaiPmhError | undefined;
        expect(await requestsDuring(async () => (err = await failure(c.identify())))).toBe(0);
        expect(err?.code).toBe(OaiErrorCode.AddressNotAllowed);
      }
    });

    it('refuses a DOCTYPE with an external entity (XXE) without resolving it', async () => {
      repo().injectFault({ type: 'doctype', kind: 'xxe' });
      const err = await failure(harvest(client()));
      expect(err.code).toBe(OaiErrorCode.DtdNotAllowed);
      expect(err.message).not.toContain('root:');
    });

    it('refuses billion-laughs entity bombs quickly', async () => {
      repo().injectFault({ type: 'doctype', kind: 'billionLaughs' });
      const started = Date.now();
      expect((await failure(harvest(client()))).code).toBe(OaiErrorCode.DtdNotAllowed);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  describe('redirects and methods', () => {
    it('follows redirects up to maxRedirects', async () => {
      repo().injectFault({ type: 'redirect' }, 2);
      expect((await client({ maxRedirects: 2 }).identify()).protocolVersion).toBe('2.0');
      repo().injectFault({ type: 'redirect' }, 3);
      expect((await failure(client({ maxRedirects: 2 }).identify())).code).toBe(
        OaiErrorCode.TooManyRedirects,
      );
    });

    it('re-checks the address policy for redirect targets', async () => {
      const port = new URL(fixture.provider.origin).port;
      repo().injectFault({
        type: 'redirect',
        location: `http://127.0.0.2:${port}/oai/faulty?verb=Identify`,
      });
      const onlyProvider = (address: string) => address === '127.0.0.1';
      const err = await failure(client({ addressPolicy: onlyProvider }).identify());
      expect(err.code).toBe(OaiErrorCode.AddressNotAllowed);
      expect(err.message).toContain('127.0.0.2');
    });

    it.each([
      '[::ffff:0:7f00:1]',
      '[2002:7f00:1::]',
      '[2002:a9fe:a9fe::]',
      '[2001:0:4136:e378:8000:63bf:80ff:fffe]',
    ])(
      'refuses a redirect to the IPv6 literal %s, which embeds an internal IPv4 address',
      async (host) => {
        repo().injectFault({ type: 'redirect', location: `http://${host}:8080/oai?verb=Identify` });
        // The provider itself is allowed; everything else follows the production rule.
        const providerOrPublic = (address: string) =>
          address === '127.0.0.1' || publicAddressesOnly(address);
        const err = await failure(client({ addressPolicy: providerOrPublic }).identify());
        expect(err.code).toBe(OaiErrorCode.AddressNotAllowed);
        expect(err.message).toContain(host);
      },
    );

    it('refuses a base URL whose host is such an IPv6 literal, before connecting', async () => {
      const err = await failure(
        client({
          baseUrl: 'http://[2002:a9fe:a9fe::]:8080/oai',
          allowPrivateAddresses: false,
        }).identify(),
      );
      expect(err.code).toBe(OaiErrorCode.AddressNotAllowed);
      expect(err.message).toContain('2002:a9fe:a9fe::');
    });

    it('supports POST (form-encoded) for POST-only sources, and explains the 405 for GET', async () => {
      repo().setModes({ postOnly: true });
      const err = await failure(client().identify());
      expect(err.status).toBe(405);
      expect(err.message).toContain('POST');
      const { records } = await harvest(client({ method: 'POST' }));
      expect(records).toHaveLength(60);
      expect(repo().requests.at(-1)?.method).toBe('POST');
    });
  });
});
