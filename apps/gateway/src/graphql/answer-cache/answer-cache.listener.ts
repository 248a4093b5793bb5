import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { gzipSync } from 'node:zlib';
import compression from 'compression';
import getRawBody from 'raw-body';
import { assignRequestId, logRequestAnsweredFromMemory } from '@hop-luu/observability';
import { CallerService } from '../../access/caller.service';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { AnswerCache, MAX_CACHEABLE_BODY_BYTES, StoredAnswer } from './answer-cache';
import { encodedFor, gzipWholeAnswers } from './answer-encoding';

/** Requests whose answers this listener gzips itself; the compression middleware skips them. */
const compressedHere = new WeakSet<IncomingMessage>();

/**
 * The gateway's first look at every request, ahead of Express: a repeated anonymous search is
 * answered here from AnswerCache, after the caller's rate limit (a caller over it goes on to
 * Apollo, which refuses it with the usual RATE_LIMITED error). Answering before Express skips
 * its router and request set-up, which were most of the cost of a replayed answer. Any other
 * small JSON POST goes on to Express with its body parsed, as the body parser would have left
 * it, and its answer is captured for the next caller.
 */
export class AnswerCacheListener {
  private readonly logger = new Logger(AnswerCacheListener.name);

  constructor(
    private readonly cache: AnswerCache,
    private readonly caller: CallerService,
    private readonly metrics: GatewayMetrics,
    private readonly express: RequestListener,
  ) {}

  readonly listen: RequestListener = (req, res) => {
    if (!this.cache.mayAnswer(req)) return this.express(req, res);
    const startedAt = performance.now();
    getRawBody(
      req,
      { length: req.headers['content-length'], limit: MAX_CACHEABLE_BODY_BYTES, encoding: 'utf-8' },
      (error, body) => {
        if (error)
          return refuse(res, 400, `The request body could not be read (${error.message}).`);
        // Express is not there yet to turn a throw into a 500: one must not end the process.
        try {
          this.answer(req, res, body, startedAt);
        } catch (failure) {
          this.fail(req, res, failure as Error);
        }
      },
    );
  };

  private answer(req: IncomingMessage, res: ServerResponse, body: string, startedAt: number) {
    const key = this.cache.keyOf(req, body);
    const answer = this.cache.replayable(key);
    if (answer && this.caller.admitAnonymous(req)) {
      this.metrics.answersFromMemory.inc();
      return replay(req, res, answer, startedAt);
    }
    try {
      (req as IncomingMessage & { body?: unknown }).body = JSON.parse(body);
    } catch (parseError) {
      return refuse(
        res,
        400,
        `The request body is not valid JSON (${(parseError as Error).message}); send an object such as {"query": "{ search { totalCount } }"}.`,
      );
    }
    // Gzip first, so the capture (outermost) keeps the answer as Apollo gave it.
    gzipWholeAnswers(req, res);
    this.cache.captureInto(key, req, res);
    compressedHere.add(req);
    this.express(req, res);
  }

  private fail(req: IncomingMessage, res: ServerResponse, failure: Error): void {
    this.logger.error(`answer cache failed on ${req.method} ${req.url}: ${failure.stack}`);
    if (res.headersSent) return void res.destroy();
    res.statusCode = 500;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({
        message: 'The gateway failed before answering; retry, and report it if it persists.',
        error: 'Internal Server Error',
        statusCode: 500,
      }),
    );
  }
}

function replay(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  answer: StoredAnswer,
  startedAt: number,
): void {
  req.id = assignRequestId(req, res);
  res.statusCode = 200;
  res.setHeader('content-type', answer.contentType);
  res.setHeader('x-cache', 'hit');
  res.end(encodedFor(req, res, answer.body, () => (answer.gzipped ??= gzipSync(answer.body))));
  logRequestAnsweredFromMemory(req, res, startedAt);
}

/** Same shape as the body parser's refusals, which this listener takes the place of. */
function refuse(res: ServerResponse, statusCode: number, message: string): void {
  res.statusCode = statusCode;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ message, error: 'Bad Request', statusCode }));
}

/**
 * Puts the answer cache in front of Express: Nest's HTTP server has the Express app as its one
 * `request` listener, which then runs only for requests the cache does not answer. Also gives
 * Express the compression middleware, for the answers the listener does not gzip itself.
 */
export function installAnswerCache(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) {
    throw new Error(
      `The answer cache expects Express as the HTTP server's one request listener, found ${listeners.length}; install it before anything else listens.`,
    );
  }
  const [express] = listeners;
  server.removeListener('request', express);
  // Everything else (API-key answers, the explorer's assets) is gzipped by the middleware. It
  // must not even see the listener's requests: it sends headers before handing on the answer.
  const compress = compression();
  app.use((req: Request, res: Response, next: NextFunction) =>
    compressedHere.has(req) ? next() : compress(req, res, next),
  );
  const listener = new AnswerCacheListener(
    app.get(AnswerCache),
    app.get(CallerService),
    app.get(GatewayMetrics),
    express,
  );
  server.on('request', listener.listen);
}
