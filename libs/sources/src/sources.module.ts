import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Source } from './source.entity';
import { SourceRegistrationService } from './source-registration.service';
import { SourcesService } from './sources.service';

@Module({
  imports: [TypeOrmModule.forFeature([Source])],
  providers: [SourcesService, SourceRegistrationService],
  exports: [SourcesService, SourceRegistrationService, TypeOrmModule],
})
export class SourcesModule {}
