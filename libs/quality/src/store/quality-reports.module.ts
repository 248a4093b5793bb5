import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QualityReportsService } from './quality-reports.service';
import { SourceQualityReport } from './source-quality-report.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SourceQualityReport])],
  providers: [QualityReportsService],
  exports: [QualityReportsService],
})
export class QualityReportsModule {}
