import { AppDefinition } from '@hop-luu/platform';
import { HarvesterModule } from './harvester.module';

export const harvesterApp: AppDefinition = {
  name: 'harvester',
  module: (config) => HarvesterModule.forRoot(config),
  port: (config) => config.harvester.port,
};
