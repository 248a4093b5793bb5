import { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import { LogLevel } from '@hop-luu/config';
import { requestLogger } from './request-context';

/** Builds the root JSON logger of an app; `app` names it in every line. */
export function createRootLogger(app: string, level: LogLevel): Pino {
  return pino({ level, base: { app }, timestamp: pino.stdTimeFunctions.isoTime });
}

/**
 * Routes Nest's `new Logger(X.name)` calls into pino as structured JSON. Inside an HTTP
 * request the line carries that request's id, so one request can be followed across classes.
 */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const logger = requestLogger.getStore() ?? this.root;
    // Nest passes the context (class name) last, and an error's stack before it.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      logger[level]({ context, ...message });
    } else {
      logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
