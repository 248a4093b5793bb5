import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HarvestRun } from './harvest-run.entity';
import { HarvestRunsService } from './harvest-runs.service';
import { HarvestStatsService } from './harvest-stats.service';
import { RunLifecycleService } from './run-lifecycle.service';

/** Registers the harvest_runs entity, once, for every app that imports it. */
@Module({
  imports: [TypeOrmModule.forFeature([HarvestRun])],
  providers: [HarvestRunsService, RunLifecycleService, HarvestStatsService],
  exports: [HarvestRunsService, RunLifecycleService, HarvestStatsService],
})
export class HarvestRunsModule {}
