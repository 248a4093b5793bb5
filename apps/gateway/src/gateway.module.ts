import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@hop-luu/config';
import { DatabaseModule } from '@hop-luu/database';
import { LoggingModule } from '@hop-luu/observability';
import { HealthModule } from '@hop-luu/platform';
import { SearchIndexModule } from '@hop-luu/search-index';

@Module({})
export class GatewayModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forApp('gateway'),
        DatabaseModule.forRoot(),
        SearchIndexModule.forRoot(),
        HealthModule,
      ],
    };
  }
}
