export * from './facet-sets';
export * from './query-text';
export * from './search-query';
export * from './search-target';
