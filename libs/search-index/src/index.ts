export * from './cluster-status';
export * from './search-index.module';
