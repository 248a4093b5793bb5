import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodedFor, takesGzip } from './answer-encoding';

const asking = (acceptEncoding?: string) =>
  ({
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  }) as IncomingMessage;

function responseStub() {
  const headers: Record<string, unknown> = {};
  const res = { setHeader: (name: string, value: unknown) => (headers[name] = value) };
  return { res: res as unknown as ServerResponse, headers };
}

describe('answer encoding', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['gzip', true],
    ['br, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['br', false],
    [undefined, false],
  ])('Accept-Encoding %s takes gzip: %s', (header, expected) => {
    expect(takesGzip(asking(header))).toBe(expected);
  });

  it('gzips a large answer for a client that takes it, and says so', () => {
    const body = Buffer.from(JSON.stringify({ data: 'Lịch sử Việt Nam '.repeat(100) }));
    const { res, headers } = responseStub();
    const sent = encodedFor(asking('gzip'), res, body, () => gzipSync(body));
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(sent).equals(body)).toBe(true);
  });

  it('sends a small answer as it is', () => {
    const body = Buffer.from('{"data":{"search":{"totalCount":0}}}');
    const { res, headers } = responseStub();
    expect(encodedFor(asking('gzip'), res, body, () => gzipSync(body))).toBe(body);
    expect(headers['content-encoding']).toBeUndefined();
  });
});
