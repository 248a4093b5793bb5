import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import accepts from 'accepts';

/** Smaller answers gain too little from gzip to pay for it (the compression middleware's default). */
const MIN_GZIP_BYTES = 1024;

/** Negotiations by Accept-Encoding value: clients send only a handful of distinct ones. */
const negotiated = new Map<string, boolean>();
const MAX_REMEMBERED_VALUES = 256;

/** Whether `req` takes gzip, negotiated from Accept-Encoding as Express would. */
export function takesGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (header === undefined) return false;
  let gzip = negotiated.get(header);
  if (gzip === undefined) {
    gzip = accepts(req).encoding(['identity', 'gzip']) === 'gzip';
    if (negotiated.size >= MAX_REMEMBERED_VALUES) negotiated.clear();
    negotiated.set(header, gzip);
  }
  return gzip;
}

/** The bytes to send `req` for `body`: gzipped (computed once, through `gzipped`) when it pays. */
export function encodedFor(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  gzipped: () => Buffer,
): Buffer {
  res.setHeader('vary', 'Accept-Encoding');
  if (body.length < MIN_GZIP_BYTES || !takesGzip(req)) return body;
  res.setHeader('content-encoding', 'gzip');
  return gzipped();
}

/**
 * Gzips an answer sent whole with `res.end` (as Express's res.send does) for a client that
 * takes it. The compression middleware cannot be used on these: it writes in parts, and the
 * answer cache keeps only answers sent whole, uncompressed.
 */
export function gzipWholeAnswers(req: IncomingMessage, res: ServerResponse): void {
  const { end } = res;
  res.end = ((...args: Parameters<ServerResponse['end']>) => {
    const body = bodyOf(args[0], args[1]);
    if (!body || res.headersSent || res.getHeader('content-encoding')) return end.apply(res, args);
    const sent = encodedFor(req, res, body, () => gzipSync(body));
    res.setHeader('content-length', sent.length);
    const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    return (end as (chunk: Buffer, callback?: () => void) => ServerResponse).call(
      res,
      sent,
      callback,
    );
  }) as ServerResponse['end'];
}

/** The bytes of `res.end(chunk, encoding)`'s chunk; undefined when it is not a body (a callback). */
export function bodyOf(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk !== 'string') return undefined;
  return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}
