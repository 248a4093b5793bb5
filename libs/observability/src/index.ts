export * from './logging/logging.module';
