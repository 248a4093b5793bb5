import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import getRawBody from 'raw-body';
import { assignRequestId, logRequestAnswered } from '@hop-luu/observability';
import { CallerService } from '../../access/caller.service';
import { AnswerCache, MAX_CACHEABLE_BODY_BYTES, StoredAnswer } from './answer-cache';

/**
 * The first middleware of the gateway, ahead of Nest's body parser and request logging: a
 * repeated anonymous search is answered here from AnswerCache, after the caller's rate limit
 * (a caller over it goes on to Apollo, which refuses it with the usual RATE_LIMITED error).
 * Any other small JSON POST leaves with its body parsed, as the body parser would have left it,
 * and its answer is captured for the next caller.
 */
export function answerCacheMiddleware(cache: AnswerCache, caller: CallerService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!cache.mayAnswer(req)) return next();
    const startedAt = performance.now();
    getRawBody(
      req,
      { length: req.headers['content-length'], limit: MAX_CACHEABLE_BODY_BYTES, encoding: 'utf-8' },
      (error, body) => {
        if (error)
          return refuse(res, 400, `The request body could not be read (${error.message}).`);
        const key = cache.keyOf(req, body);
        const answer = cache.replayable(key);
        if (answer && caller.admitAnonymous(req)) return replay(req, res, answer, startedAt);
        try {
          req.body = JSON.parse(body);
        } catch (parseError) {
          return refuse(
            res,
            400,
            `The request body is not valid JSON (${(parseError as Error).message}); send an object such as {"query": "{ search { totalCount } }"}.`,
          );
        }
        cache.captureInto(key, req, res);
        next();
      },
    );
  };
}

function replay(req: Request, res: Response, answer: StoredAnswer, startedAt: number): void {
  req.id = assignRequestId(req, res);
  res.statusCode = 200;
  res.setHeader('content-type', answer.contentType);
  res.setHeader('x-cache', 'hit');
  res.end(answer.body);
  logRequestAnswered(req, res, startedAt);
}

/** Same shape as the body parser's refusals, which this middleware takes the place of. */
function refuse(res: Response, statusCode: number, message: string): void {
  res.statusCode = statusCode;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ message, error: 'Bad Request', statusCode }));
}

/** Puts the answer cache in front of everything Nest registers when the app initialises. */
export function installAnswerCache(app: INestApplication): void {
  app.use(answerCacheMiddleware(app.get(AnswerCache), app.get(CallerService)));
}
