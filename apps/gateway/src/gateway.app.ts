import { AppDefinition } from '@hop-luu/platform';
import { GatewayModule } from './gateway.module';
import { installAnswerCache } from './graphql/answer-cache/answer-cache.listener';
import { installConsoleSessions } from './people/install-sessions';

export const gatewayApp: AppDefinition = {
  name: 'gateway',
  module: (config) => GatewayModule.forRoot(config),
  port: (config) => config.gateway.port,
  beforeInit: (app) => {
    installAnswerCache(app);
    installConsoleSessions(app);
  },
};
