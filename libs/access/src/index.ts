export * from './access.errors';
export * from './access.module';
export * from './actor';
export * from './api-key.entity';
export * from './api-keys.service';
export * from './partner.entity';
