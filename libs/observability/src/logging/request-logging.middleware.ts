import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as Pino } from 'pino';
import pinoHttp from 'pino-http';
import { requestLogger } from './request-context';

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Express middleware: gives each request an id (the caller's X-Request-Id when it is
 * safe to echo, else a new UUID), returns it in the response header, logs the request
 * once when it completes, and binds the request's logger for everything logged meanwhile.
 */
export function requestLoggingMiddleware(root: Pino) {
  const httpLogger = pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers[REQUEST_ID_HEADER];
      const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/health/live' },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    httpLogger(req, res);
    const bound = (req as IncomingMessage & { log: Pino }).log;
    requestLogger.run(bound, next);
  };
}
