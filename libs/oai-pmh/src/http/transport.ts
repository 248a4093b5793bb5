import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { OaiErrorCode, OaiPmhError } from '../errors';
import { addressRefused, createGuardedLookup, type AddressPolicy } from '../net/address-policy';
import { NetworkClock } from './network-clock';

export interface TransportOptions {
  userAgent: string;
  timeoutMs: number;
  idleTimeoutMs: number;
  maxResponseBytes: number;
  maxRedirects: number;
  addressPolicy: AddressPolicy;
}

export interface HttpRequestSpec {
  url: string;
  method: 'GET' | 'POST';
  params: Record<string, string>;
}

export interface OpenResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  url: string;
  /** Decompressed body chunks; throws typed errors on timeout, reset or size overflow. */
  body: AsyncGenerator<Buffer, void, undefined>;
  /** Decompressed bytes delivered so far. */
  bytes(): number;
  /** Stops reading and frees the connection; safe to call more than once. */
  close(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** HTTP transport with connection-time address checks, bounded redirects and limits. */
export class Transport {
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly lookup;

  constructor(private readonly options: TransportOptions) {
    this.lookup = createGuardedLookup(options.addressPolicy);
    this.agents = {
      http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
      https: new https.Agent({ keepAlive: true, maxSockets: 8 }),
    };
  }

  destroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Sends the request, following redirects, and returns the first non-redirect response. */
  async open(spec: HttpRequestSpec): Promise<OpenResponse> {
    let current = spec;
    for (let hop = 0; ; hop++) {
      const response = await this.openOnce(current);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || !location) return response;
      response.close();
      if (hop >= this.options.maxRedirects) throw this.tooManyRedirects(spec.url);
      current = this.redirectTarget(current, location, response.status);
    }
  }

  private redirectTarget(from: HttpRequestSpec, location: string, status: number): HttpRequestSpec {
    const next = new URL(location, from.url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new OaiPmhError(
        OaiErrorCode.HttpError,
        `Source ${from.url} redirected to ${next.href}, which is not http(s); fix the source URL.`,
      );
    }
    // Keep the OAI arguments: they travel in the query (GET) or the body (POST).
    const params = { ...from.params };
    next.searchParams.forEach((value, key) => (params[key] = value));
    next.search = '';
    return { url: next.href, method: status === 303 ? 'GET' : from.method, params };
  }

  private tooManyRedirects(url: string): OaiPmhError {
    return new OaiPmhError(
      OaiErrorCode.TooManyRedirects,
      `Source ${url} redirected more than ${this.options.maxRedirects} times; update the base URL to the final address.`,
    );
  }

  private async openOnce(spec: HttpRequestSpec): Promise<OpenResponse> {
    const url = new URL(spec.url);
    this.checkLiteralAddress(url);
    const form = new URLSearchParams(spec.params).toString();
    if (spec.method === 'GET') url.search = form;
    const isHttps = url.protocol === 'https:';
    const request = (isHttps ? https : http).request(url, {
      method: spec.method,
      agent: isHttps ? this.agents.https : this.agents.http,
      lookup: this.lookup,
      headers: {
        'User-Agent': this.options.userAgent,
        'Accept-Encoding': 'gzip, deflate',
        Accept: 'text/xml, application/xml;q=0.9, */*;q=0.1',
        ...(spec.method === 'POST'
          ? {
              'Content-Type': 'application/x-www-form-urlencoded',
              'Content-Length': Buffer.byteLength(form),
            }
          : {}),
      },
    });
    const clock = new NetworkClock(spec.url, this.options.timeoutMs, this.options.idleTimeoutMs);
    const responded = new Promise<http.IncomingMessage>((resolve, reject) => {
      request.once('response', resolve);
      request.once('error', reject);
    });
    request.end(spec.method === 'POST' ? form : undefined);
    let response: http.IncomingMessage;
    try {
      response = await clock.wait(responded, () => request.destroy());
    } catch (error) {
      request.destroy();
      throw toTransportError(error, spec.url);
    }
    return this.wrapResponse(spec.url, request, response, clock);
  }

  /** Node skips `lookup` for IP literals, so those are checked here. */
  private checkLiteralAddress(url: URL): void {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.options.addressPolicy(host)) throw addressRefused(url.host, host);
  }

  private wrapResponse(
    url: string,
    request: http.ClientRequest,
    response: http.IncomingMessage,
    clock: NetworkClock,
  ): OpenResponse {
    const stream = decompress(response);
    let bytes = 0;
    let complete = false;
    // A body read to the end leaves its socket to the keep-alive pool;
    // anything else (abort, error, early stop) must not reuse the connection.
    const close = () => {
      if (complete) return;
      request.destroy();
      stream.destroy();
    };
    const limit = this.options.maxResponseBytes;
    async function* body(): AsyncGenerator<Buffer, void, undefined> {
      const iterator = stream[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await clock.wait(iterator.next() as Promise<IteratorResult<Buffer>>, close);
          if (next.done) {
            complete = true;
            return;
          }
          bytes += next.value.length;
          if (bytes > limit) throw tooLarge(url, limit);
          yield next.value;
        }
      } catch (error) {
        throw toTransportError(error, url);
      } finally {
        close();
      }
    }
    return {
      status: response.statusCode ?? 0,
      headers: response.headers,
      url,
      body: body(),
      bytes: () => bytes,
      close,
    };
  }
}

function decompress(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate') return response;
  // Unzip accepts both gzip and zlib-wrapped deflate, whichever the header claims.
  const unzip = zlib.createUnzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  response.on('error', (error) => unzip.destroy(error));
  response.on('aborted', () =>
    unzip.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })),
  );
  return response.pipe(unzip);
}

function tooLarge(url: string, limit: number): OaiPmhError {
  return new OaiPmhError(
    OaiErrorCode.ResponseTooLarge,
    `Source ${url} sent more than ${limit} bytes (after decompression) in one response; ` +
      'ask for smaller pages or raise maxResponseBytes if the source is trusted.',
  );
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

/** Turns Node socket/zlib errors into typed, retryable-or-not errors. */
export function toTransportError(error: unknown, url: string): OaiPmhError {
  if (error instanceof OaiPmhError) return error;
  const err = error as NodeJS.ErrnoException;
  if (
    err?.code?.startsWith('Z_') ||
    /unexpected end of file|incorrect header/i.test(err?.message ?? '')
  ) {
    return new OaiPmhError(
      OaiErrorCode.TruncatedResponse,
      `Source ${url} sent a compressed body that ended early or is corrupt (${err.message}); retried automatically, else try again later.`,
      { retryable: true, cause: error },
    );
  }
  const code = err?.code ?? '';
  const retryable =
    NETWORK_CODES.has(code) || err?.message === 'aborted' || code === 'ERR_STREAM_PREMATURE_CLOSE';
  return new OaiPmhError(
    OaiErrorCode.NetworkError,
    `Connection to ${url} failed (${code || err?.message || String(error)}); ` +
      (retryable
        ? 'the source dropped the connection; retried automatically, else try again later.'
        : 'check the host name and that the source is reachable.'),
    { retryable, cause: error },
  );
}
