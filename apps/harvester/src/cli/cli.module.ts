import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@hop-luu/config';
import { PeopleModule } from '@hop-luu/people';
import { HarvesterModule } from '../harvester.module';

/**
 * What the operator's CLI runs against: the harvester's services without its background work,
 * plus the console's accounts (people:create-staff), which the harvester itself does not need.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [HarvesterModule.forRoot(config, { background: false }), PeopleModule],
    };
  }
}
