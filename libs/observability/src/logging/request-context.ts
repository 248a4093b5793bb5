import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as Pino } from 'pino';

/** The logger bound to the current HTTP request (carrying its request id), if any. */
export const requestLogger = new AsyncLocalStorage<Pino>();
