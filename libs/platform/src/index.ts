export * from './bootstrap';
export * from './health/health.module';
