import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's X-Request-Id when it is safe to echo back, else a new UUID; returned in the response. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * The access-log line for a request answered from memory before the logging middleware saw it
 * (the gateway's answer cache): the same shape, plus `cache: "hit"`, so operators can count
 * such answers. `req.id` comes from assignRequestId, called before the answer was sent.
 */
export function logRequestAnsweredFromMemory(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  startedAt: number,
): void {
  const responseTime = Math.round(performance.now() - startedAt);
  PinoLogger.root.info({ req, res, responseTime, cache: 'hit' }, 'request completed');
}

interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress: string;
  headers: Record<string, string | string[] | undefined>;
}

function requestFields(req: LoggedRequest) {
  const { id, method, url, remoteAddress } = req;
  return { id, method, url, remoteAddress, userAgent: req.headers['user-agent'] };
}

function responseFields(res: { statusCode: number }) {
  return { statusCode: res.statusCode };
}

/**
 * Structured JSON logs (pino) for an app. Every `new Logger(X.name)` line logged while a
 * request is handled carries that request's id, so one request can be followed across classes.
 */
@Module({})
export class LoggingModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              base: { app },
              genReqId: assignRequestId,
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health/live' },
              // One short line per request, without headers: no API key can reach the logs.
              serializers: { req: requestFields, res: responseFields },
            },
          }),
        }),
      ],
    };
  }
}
