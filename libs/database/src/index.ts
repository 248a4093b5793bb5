export * from './data-source-options';
export * from './database.module';
export * from './advisory-locks';
export * from './pg-session';
export * from './unavailable';
export * from './notifications.service';
