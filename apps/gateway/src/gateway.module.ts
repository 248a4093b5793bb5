import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessModule, CALLER_IDENTIFIER } from '@hop-luu/access';
import { AlertsModule } from '@hop-luu/alerts';
import { AppConfig, APP_CONFIG, ConfigModule } from '@hop-luu/config';
import { DatabaseModule } from '@hop-luu/database';
import { HarvestRunsModule, HarvestRunsService } from '@hop-luu/harvest-runs';
import { LoggingModule, MetricsController, MetricsRegistry } from '@hop-luu/observability';
import { QualityReportsModule } from '@hop-luu/quality';
import { HealthModule } from '@hop-luu/platform';
import { CatalogueIndex, SearchIndexModule } from '@hop-luu/search-index';
import { PeopleModule } from '@hop-luu/people';
import { SourcesModule } from '@hop-luu/sources';
import { WorksModule } from '@hop-luu/works';
import { ApiKeysResolver } from './access/api-keys.resolver';
import { AlertsResolver } from './alerts/alerts.resolver';
import { CallerService } from './access/caller.service';
import { CatalogueChangesService } from './catalogue/catalogue-changes.service';
import { CatalogueResolver } from './catalogue/catalogue.resolver';
import { CursorCodec } from './catalogue/cursor';
import { ConsoleModule } from './console/console.module';
import { RecordsService } from './catalogue/records.service';
import { SearchCache } from './catalogue/search-cache';
import { SearchService } from './catalogue/search.service';
import { ExplorerController } from './explorer/explorer.controller';
import { AnswerCache } from './graphql/answer-cache/answer-cache';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { graphqlOptions } from './graphql/graphql.options';
import { QualityCsvController } from './quality/quality-csv.controller';
import { QualityResolver } from './quality/quality.resolver';
import { HarvestStatsResolver, OverviewResolver } from './overview/overview.resolver';
import { RunsResolver } from './runs/runs.resolver';
import { EndpointCheckResolver } from './sources/endpoint-check.resolver';
import { SourcesResolver } from './sources/sources.resolver';
import { ConsolePeopleModule } from './people/console-people.module';
import { ClusterDecisionsResolver } from './works/cluster-decisions.resolver';
import { WorkDecisionsResolver } from './works/work-decisions.resolver';
import { WorksPublisher } from './works/works-publisher';

/** One cursor key for every resolver; in production it must be the same on every replica. */
function cursorCodec(config: AppConfig): CursorCodec {
  if (config.gateway.cursorSecretGenerated && config.nodeEnv === 'production')
    new Logger('Cursors').warn(
      'GATEWAY_CURSOR_SECRET is not set: page cursors are signed with a key of this process, so they stop working after a restart and on other replicas.',
    );
  return new CursorCodec(config.gateway.cursorSecret);
}

/** Resolvers' services, shared with the GraphQL context factory. */
@Module({
  imports: [AccessModule, ConsolePeopleModule],
  providers: [CallerService, RecordsService, AnswerCache, MetricsRegistry, GatewayMetrics],
  exports: [CallerService, RecordsService, AnswerCache, MetricsRegistry, GatewayMetrics],
})
class GatewayCoreModule {}

@Module({})
export class GatewayModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forApp('gateway'),
        DatabaseModule.forRoot(),
        // Someone waits on every search: one quick retry, then SEARCH_UNAVAILABLE.
        SearchIndexModule.forRoot({ requestTimeoutMs: 10_000, maxRetries: 1 }),
        HealthModule,
        SourcesModule,
        HarvestRunsModule,
        AccessModule,
        QualityReportsModule,
        AlertsModule,
        WorksModule,
        PeopleModule,
        GatewayCoreModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [GatewayCoreModule, HarvestRunsModule],
          inject: [
            APP_CONFIG,
            CallerService,
            RecordsService,
            CatalogueIndex,
            HarvestRunsService,
            AnswerCache,
            GatewayMetrics,
          ],
          useFactory: graphqlOptions,
        }),
        // Last: its catch-all page route yields to the /console/auth and /console/api routes.
        ConsoleModule,
      ],
      controllers: [ExplorerController, MetricsController, QualityCsvController],
      providers: [
        { provide: CALLER_IDENTIFIER, useExisting: CallerService },
        { provide: CursorCodec, inject: [APP_CONFIG], useFactory: cursorCodec },
        SearchCache,
        CatalogueChangesService,
        SearchService,
        CatalogueResolver,
        SourcesResolver,
        RunsResolver,
        ApiKeysResolver,
        QualityResolver,
        AlertsResolver,
        OverviewResolver,
        HarvestStatsResolver,
        EndpointCheckResolver,
        WorksPublisher,
        WorkDecisionsResolver,
        ClusterDecisionsResolver,
      ],
    };
  }
}
