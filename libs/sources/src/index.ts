export * from './oai-client.factory';
export * from './registration-warnings';
export * from './source-input';
export * from './source-registration.service';
export * from './source.entity';
export * from './source.errors';
export * from './sources.module';
export * from './sources.service';
