import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@hop-luu/config';
import { DatabaseModule } from '@hop-luu/database';
import { LoggingModule } from '@hop-luu/observability';
import { HealthModule } from '@hop-luu/platform';
import { SearchIndexModule } from '@hop-luu/search-index';

@Module({})
export class HarvesterModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: HarvesterModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forApp('harvester'),
        DatabaseModule.forRoot(),
        SearchIndexModule.forRoot(),
        HealthModule,
      ],
    };
  }
}
