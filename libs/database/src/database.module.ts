import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { dataSourceOptions } from './data-source-options';
import { MigrationRunner } from './migration-runner';
import { NotificationsService } from './notifications.service';

/**
 * PostgreSQL through TypeORM. Entities are registered by the feature modules that own
 * them (TypeOrmModule.forFeature); the schema comes only from migrations, run once at
 * start-up under an advisory lock so several replicas can boot together.
 */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      // Every feature module may LISTEN or NOTIFY without importing this module again.
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.databaseUrl),
            autoLoadEntities: true,
            retryAttempts: 5,
            retryDelay: 2000,
          }),
        }),
      ],
      providers: [MigrationRunner, NotificationsService],
      exports: [NotificationsService],
    };
  }
}
