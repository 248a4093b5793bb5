import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import type { Fault } from './faults';
import { sendGzipBomb } from './gzip-bomb';
import { hugeRecordParts, withDeepNesting } from './hostile-xml';
import {
  errorResponse,
  INVALID_UTF8_MARKER,
  isErrorResponse,
  respond,
  type OaiRequest,
} from './protocol';
import { Repository, type RepositoryConfig } from './repository';
import { decodeToken } from './tokens';

export interface OaiProviderOptions {
  /** Repositories to create; default one repository named "default" with 100 records. */
  repositories?: RepositoryConfig[];
  /** Port to listen on; default 0 (random). */
  port?: number;
}

export interface OaiProvider {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Base URL of a repository: `http://127.0.0.1:<port>/oai/<name>`. */
  baseUrl(repoName?: string): string;
  repo(name?: string): Repository;
  addRepository(config: RepositoryConfig): Repository;
  close(): Promise<void>;
}

const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xff]); // "Ã(" broken + a byte never valid in UTF-8
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LIST_VERBS = new Set(['ListRecords', 'ListIdentifiers']);

/**
 * Starts an OAI-PMH 2.0 provider on 127.0.0.1 serving in-memory repositories
 * with switchable faults. See README.md in this folder.
 */
export async function startOaiProvider(options: OaiProviderOptions = {}): Promise<OaiProvider> {
  const repos = new Map<string, Repository>();
  for (const config of options.repositories ?? [{ name: 'default' }])
    repos.set(config.name, new Repository(config));
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  // Keep-alive sockets must not keep a finished test process alive.
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const repo = repos.get(decodeURIComponent(url.pathname.replace(/^\/oai\//, '')));
    if (!repo || !url.pathname.startsWith('/oai/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('No such repository');
      return;
    }
    const request = await readRequest(req, url, `${origin}/oai/${repo.name}`);
    repo.requests.push({
      method: req.method ?? 'GET',
      params: request.params,
      headers: req.headers,
      at: Date.now(),
    });
    if (repo.modes.postOnly && req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain' }).end('Use POST');
      return;
    }
    const fault = repo.faults.take(request.params.resumptionToken !== undefined);
    if (fault && answerWithFault(fault, repo, request, req, res)) return;
    const bomb = repo.modes.gzipBomb;
    if (bomb)
      return sendGzipBomb(res, respond(repo, request), contentType(repo), bomb.inflatedBytes);
    const xml = withDeepNesting(renderCached(repo, request), repo.modes);
    const parts = hugeRecordParts(xml, repo.modes, request.params.verb);
    if (parts) return sendParts(repo, res, parts);
    const status = isErrorResponse(xml) ? errorStatus(repo) : 200;
    await send(repo, fault, req, res, encodeBody(repo, xml), status);
  }

  return {
    origin,
    baseUrl: (name = 'default') => `${origin}/oai/${encodeURIComponent(name)}`,
    repo(name = 'default') {
      const repo = repos.get(name);
      if (!repo) throw new Error(`No repository "${name}"`);
      return repo;
    },
    addRepository(config) {
      const repo = new Repository(config);
      repos.set(config.name, repo);
      return repo;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readRequest(
  req: http.IncomingMessage,
  url: URL,
  baseUrl: string,
): Promise<OaiRequest> {
  let query = url.searchParams;
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    query = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }
  const params: Record<string, string> = {};
  let repeated: string | undefined;
  query.forEach((value, key) => {
    if (key in params) repeated = key;
    params[key] = value;
  });
  return { params, repeated, baseUrl };
}

function renderCached(repo: Repository, request: OaiRequest): string {
  const cacheable = repo.cacheResponses && LIST_VERBS.has(request.params.verb ?? '');
  // Tokens embed their expiry; key on what they select so repeated harvests hit the cache.
  const { resumptionToken, ...rest } = request.params;
  const state = resumptionToken ? decodeToken(resumptionToken) : undefined;
  const key = JSON.stringify(state ? { ...rest, ...state, exp: 0 } : request.params);
  const cached = cacheable ? repo.cache.get(key) : undefined;
  if (cached) return cached.toString('utf8');
  const xml = respond(repo, request);
  if (cacheable) repo.cache.set(key, Buffer.from(xml));
  return xml;
}

function encodeBody(repo: Repository, xml: string): Buffer {
  let body: Buffer = Buffer.from(xml, 'utf8');
  if (repo.modes.invalidUtf8)
    body = replaceAll(body, Buffer.from(INVALID_UTF8_MARKER, 'utf8'), INVALID_UTF8);
  if (repo.modes.bom) body = Buffer.concat([BOM, body]);
  return body;
}

function replaceAll(haystack: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, from)) {
    parts.push(haystack.subarray(from, at), replacement);
    from = at + needle.length;
  }
  parts.push(haystack.subarray(from));
  return Buffer.concat(parts);
}

/** HTTP status of an OAI-PMH error response: 200 as the spec says, or the `errorStatus` mode's. */
function errorStatus(repo: Repository): number {
  return repo.modes.errorStatus ?? 200;
}

function contentType(repo: Repository): string {
  const charset = repo.modes.charset === undefined ? 'UTF-8' : repo.modes.charset;
  return charset === null ? 'text/xml' : `text/xml; charset=${charset}`;
}

/** Faults that replace the normal answer; returns false for faults applied while sending. */
function answerWithFault(
  fault: Fault,
  repo: Repository,
  request: OaiRequest,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): boolean {
  switch (fault.type) {
    case 'status': {
      const headers: Record<string, string> = { 'Content-Type': 'text/html' };
      if (fault.retryAfter !== undefined) {
        headers['Retry-After'] =
          fault.retryAfter instanceof Date
            ? fault.retryAfter.toUTCString()
            : String(fault.retryAfter);
      }
      res
        .writeHead(fault.status, headers)
        .end(fault.body ?? `<html><body><h1>${fault.status}</h1></body></html>`);
      return true;
    }
    case 'reset':
      req.socket.destroy();
      return true;
    case 'hang':
      return true;
    case 'redirect': {
      const location = fault.location ?? req.url ?? '/';
      res.writeHead(fault.status ?? 302, { Location: location }).end();
      return true;
    }
    case 'badResumptionToken':
      res
        .writeHead(errorStatus(repo), { 'Content-Type': contentType(repo) })
        .end(
          errorResponse(
            repo,
            request,
            'badResumptionToken',
            'The resumptionToken is invalid or has expired.',
          ),
        );
      return true;
    case 'oaiError':
      res
        .writeHead(errorStatus(repo), { 'Content-Type': contentType(repo) })
        .end(errorResponse(repo, request, fault.code, fault.message ?? `Error ${fault.code}.`));
      return true;
    case 'html200':
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          '<!DOCTYPE html>\n<html><head><title>Lỗi hệ thống</title></head><body><p>Hệ thống đang bảo trì.</p></body></html>',
        );
      return true;
    case 'emptyBody':
      res.writeHead(200, { 'Content-Type': contentType(repo) }).end();
      return true;
    case 'nonOai':
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Tin tức thư viện</title></channel></rss>',
        );
      return true;
    case 'doctype':
      res
        .writeHead(200, { 'Content-Type': contentType(repo) })
        .end(doctypeAttack(respond(repo, request), fault.kind));
      return true;
    default:
      return false;
  }
}

/** Puts a DTD with a dangerous entity in front of a real response and uses it in the first record. */
function doctypeAttack(xml: string, kind: 'xxe' | 'billionLaughs'): string {
  const dtd =
    kind === 'xxe'
      ? '<!DOCTYPE OAI-PMH [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>'
      : '<!DOCTYPE OAI-PMH [ <!ENTITY lol "lol"> <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
        ' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">' +
        ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"> ]>';
  const entity = kind === 'xxe' ? '&xxe;' : '&lol3;';
  return xml.replace('<OAI-PMH', `${dtd}\n<OAI-PMH`).replace('</dc:title>', `${entity}</dc:title>`);
}

async function send(
  repo: Repository,
  fault: Fault | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  raw: Buffer,
  status: number,
): Promise<void> {
  const headers: Record<string, string | number> = { 'Content-Type': contentType(repo) };
  let body = raw;
  if (fault?.type === 'truncate') {
    body = raw.subarray(0, Math.floor(raw.length * (fault.fraction ?? 0.6)));
    headers.Connection = 'close';
  }
  const encoding = repo.modes.encoding;
  if (encoding) {
    body = encoding === 'gzip' ? zlib.gzipSync(body) : zlib.deflateSync(body);
    headers['Content-Encoding'] = encoding;
  }
  if (fault?.type === 'resetMidBody') {
    res.writeHead(status, headers);
    res.write(body.subarray(0, fault.afterBytes ?? Math.floor(body.length / 2)));
    await delay(50);
    req.socket.destroy();
    return;
  }
  if (fault?.type === 'trickle') {
    res.writeHead(status, headers);
    for (let at = 0; at < body.length && !res.destroyed; at += fault.bytesPerTick) {
      res.write(body.subarray(at, at + fault.bytesPerTick));
      await delay(fault.intervalMs);
    }
    res.end();
    return;
  }
  if (fault?.type !== 'truncate') headers['Content-Length'] = body.length;
  res.writeHead(status, headers).end(body);
}

/** Streams a body part by part, waiting for the client to read each (hostile huge bodies). */
async function sendParts(
  repo: Repository,
  res: http.ServerResponse,
  parts: Iterable<Buffer>,
): Promise<void> {
  res.writeHead(200, { 'Content-Type': contentType(repo) });
  for (const part of parts) {
    if (res.destroyed) return;
    if (!res.write(part)) await drainOrClose(res);
  }
  res.end();
}

function drainOrClose(res: http.ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
