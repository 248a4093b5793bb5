export * from './mail.errors';
export * from './mail.module';
export * from './mail.service';
