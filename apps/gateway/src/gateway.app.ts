import { AppDefinition } from '@hop-luu/platform';
import { GatewayModule } from './gateway.module';

export const gatewayApp: AppDefinition = {
  name: 'gateway',
  module: (config) => GatewayModule.forRoot(config),
  port: (config) => config.gateway.port,
};
