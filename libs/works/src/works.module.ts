import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UntrustedIdentifier, WorkDecision } from './work-decision.entity';
import { WorkKey, WorkRecord } from './work-record.entity';
import { WorkDecisionsService } from './work-decisions.service';
import { WorkMatchingService } from './work-matching.service';
import { WorksReaderService } from './works-reader.service';

/** The works store: registers its tables once for every app that imports it. */
@Module({
  imports: [TypeOrmModule.forFeature([WorkRecord, WorkKey, WorkDecision, UntrustedIdentifier])],
  providers: [WorkMatchingService, WorkDecisionsService, WorksReaderService],
  exports: [WorkMatchingService, WorkDecisionsService, WorksReaderService],
})
export class WorksModule {}
