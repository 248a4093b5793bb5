export * from './work-document';
export * from './works-fields';
export * from './works-index';
export * from './works-mapping';
export * from './works-target';
export * from './works-writer';
export * from './holding-keys';
