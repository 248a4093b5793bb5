import { DynamicModule, Global, Module } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { CatalogueIndex } from './catalogue/catalogue-index';
import { ElasticsearchStartupCheck } from './elasticsearch-startup.check';

/** One Elasticsearch client per app, the catalogue index behind its alias, and a start-up check that degrades instead of crashing. */
@Global()
@Module({})
export class SearchIndexModule {
  static forRoot(): DynamicModule {
    return {
      module: SearchIndexModule,
      providers: [
        {
          provide: Client,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            new Client({ node: config.elasticsearch.url, requestTimeout: 30_000, maxRetries: 2 }),
        },
        {
          provide: CatalogueIndex,
          inject: [Client, APP_CONFIG],
          useFactory: (client: Client, config: AppConfig) =>
            new CatalogueIndex(client, config.elasticsearch.indexPrefix),
        },
        ElasticsearchStartupCheck,
      ],
      exports: [Client, CatalogueIndex],
    };
  }
}
