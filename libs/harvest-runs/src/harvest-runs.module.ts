import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HarvestRun } from './harvest-run.entity';
import { HarvestRunsService } from './harvest-runs.service';

@Module({
  imports: [TypeOrmModule.forFeature([HarvestRun])],
  providers: [HarvestRunsService],
  exports: [HarvestRunsService, TypeOrmModule],
})
export class HarvestRunsModule {}
