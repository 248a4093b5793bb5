import { DynamicModule, Global, Module } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { CatalogueIndex } from './catalogue/catalogue-index';
import { CatalogueStats } from './catalogue/catalogue-stats';
import { ElasticsearchStartupCheck } from './elasticsearch-startup.check';
import { WorksIndex } from './works/works-index';

/** How an app's requests to Elasticsearch behave when it is slow or gone. */
export interface SearchIndexOptions {
  /** Longest wait for one answer. */
  readonly requestTimeoutMs: number;
  /** Further attempts after a connection failure or timeout, with a 1-4 s backoff between. */
  readonly maxRetries: number;
}

/** One Elasticsearch client per app, the catalogue and works indexes behind their aliases, and a start-up check that degrades instead of crashing. */
@Global()
@Module({})
export class SearchIndexModule {
  static forRoot(options: SearchIndexOptions): DynamicModule {
    return {
      module: SearchIndexModule,
      providers: [
        {
          provide: Client,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            new Client({
              node: config.elasticsearch.url,
              requestTimeout: options.requestTimeoutMs,
              maxRetries: options.maxRetries,
            }),
        },
        {
          provide: CatalogueIndex,
          inject: [Client, APP_CONFIG],
          useFactory: (client: Client, config: AppConfig) =>
            new CatalogueIndex(client, config.elasticsearch.indexPrefix),
        },
        {
          provide: WorksIndex,
          inject: [Client, APP_CONFIG],
          useFactory: (client: Client, config: AppConfig) =>
            new WorksIndex(client, config.elasticsearch.indexPrefix),
        },
        {
          provide: CatalogueStats,
          inject: [Client, CatalogueIndex, WorksIndex],
          useFactory: (client: Client, catalogue: CatalogueIndex, works: WorksIndex) =>
            new CatalogueStats(client, catalogue.alias, works.alias),
        },
        ElasticsearchStartupCheck,
      ],
      exports: [Client, CatalogueIndex, WorksIndex, CatalogueStats],
    };
  }
}
