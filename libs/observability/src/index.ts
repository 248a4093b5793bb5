export * from './logging/pino-logger.service';
export * from './logging/request-logging.middleware';
