import { DynamicModule, Module, Provider } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AccessModule, CALLER_IDENTIFIER, KeyCallerIdentifier } from '@hop-luu/access';
import { AlertsModule } from '@hop-luu/alerts';
import { AppConfig, APP_CONFIG, ConfigModule } from '@hop-luu/config';
import { DatabaseModule } from '@hop-luu/database';
import { HarvestRunsModule } from '@hop-luu/harvest-runs';
import { HostThrottle } from '@hop-luu/oai-pmh';
import { LoggingModule, MetricsController, MetricsRegistry } from '@hop-luu/observability';
import { QualityReportsModule } from '@hop-luu/quality';
import { HealthModule } from '@hop-luu/platform';
import { SearchIndexModule } from '@hop-luu/search-index';
import { SourcesModule } from '@hop-luu/sources';
import { WorksModule } from '@hop-luu/works';
import { AlertChecksService } from './alerts/alert-checks.service';
import { RunAlertsListener } from './alerts/run-alerts.listener';
import { HarvestRunnerService } from './harvest/harvest-runner.service';
import { HarvestMetrics } from './metrics/harvest-metrics';
import { MeasuredHostThrottle } from './metrics/measured-host-throttle';
import { QualityListener } from './quality/quality.listener';
import { SourceQualityService } from './quality/source-quality.service';
import { RawRecordsModule } from './raw-records/raw-records.module';
import { MappingUpgradeService } from './reindex/mapping-upgrade.service';
import { ReclusterService } from './reindex/recluster.service';
import { ReindexService } from './reindex/reindex.service';
import { OutageGate } from './runs/outage-gate';
import { RunQueueService } from './runs/run-queue.service';
import { ScheduleService } from './scheduling/schedule.service';
import { HarvestWorkerService } from './worker/harvest-worker.service';

export interface HarvesterModuleOptions {
  /** false for the CLI: no background worker or schedules, only the services it calls. */
  readonly background: boolean;
}

const hostThrottle: Provider = {
  provide: HostThrottle,
  inject: [HarvestMetrics, APP_CONFIG],
  useFactory: (metrics: HarvestMetrics, config: AppConfig) =>
    new MeasuredHostThrottle({ minDelayMs: config.harvester.politenessDelayMs }, metrics),
};

@Module({})
export class HarvesterModule {
  static forRoot(
    config: AppConfig,
    options: HarvesterModuleOptions = { background: true },
  ): DynamicModule {
    return {
      module: HarvesterModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forApp('harvester'),
        DatabaseModule.forRoot(),
        EventEmitterModule.forRoot(),
        SearchIndexModule.forRoot({
          requestTimeoutMs: config.harvester.search.timeoutMs,
          maxRetries: config.harvester.search.maxRetries,
        }),
        HealthModule,
        SourcesModule,
        HarvestRunsModule,
        RawRecordsModule,
        WorksModule,
        AccessModule,
        QualityReportsModule,
        AlertsModule,
      ],
      controllers: [MetricsController],
      providers: [
        { provide: CALLER_IDENTIFIER, useClass: KeyCallerIdentifier },
        MetricsRegistry,
        HarvestMetrics,
        hostThrottle,
        RunQueueService,
        OutageGate,
        HarvestRunnerService,
        ReindexService,
        ReclusterService,
        SourceQualityService,
        QualityListener,
        RunAlertsListener,
        ...(options.background
          ? [HarvestWorkerService, ScheduleService, MappingUpgradeService, AlertChecksService]
          : []),
      ],
      exports: [RunQueueService, HarvestRunnerService, ReindexService, ReclusterService],
    };
  }
}
