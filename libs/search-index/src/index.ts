export * from './catalogue/bulk-writer';
export * from './catalogue/catalogue-document';
export * from './catalogue/catalogue-index';
export * from './catalogue/catalogue-mapping';
export * from './cluster-status';
export * from './search-index.module';
export * from './unavailable';
export * from './catalogue/catalogue-fields';
