export * from './logging/logging.module';
export * from './metrics/metrics-registry';
export * from './metrics/metrics.controller';
