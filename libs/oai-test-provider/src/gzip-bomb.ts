import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';

const BLANKS = Buffer.alloc(1024 * 1024, ' ');

/**
 * Serves a gzip bomb: the real response up to its first record, then `inflatedBytes` of
 * blanks (64 MiB of them are under 300 KiB on the wire). Compressed while it is sent, so the
 * provider never holds the inflated size and stops as soon as the client hangs up; at the
 * fastest level, so that a busy machine does not turn the bomb into a slow drip.
 */
export async function sendGzipBomb(
  res: ServerResponse,
  xml: string,
  contentType: string,
  inflatedBytes: number,
): Promise<void> {
  const cut = xml.indexOf('<record>');
  function* body(): Generator<Buffer | string> {
    yield cut < 0 ? xml : xml.slice(0, cut);
    for (let left = inflatedBytes; left > 0; left -= BLANKS.length)
      yield left >= BLANKS.length ? BLANKS : BLANKS.subarray(0, left);
  }
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Encoding': 'gzip' });
  // The client hanging up at its size limit is the expected end, not an error.
  await pipeline(Readable.from(body()), zlib.createGzip({ level: 1 }), res).catch(() => {});
}
