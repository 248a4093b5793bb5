import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RawRecord } from './raw-record.entity';
import { RawRecordsService } from './raw-records.service';

@Module({
  imports: [TypeOrmModule.forFeature([RawRecord])],
  providers: [RawRecordsService],
  exports: [RawRecordsService],
})
export class RawRecordsModule {}
