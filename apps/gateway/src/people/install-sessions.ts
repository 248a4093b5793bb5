import { INestApplication } from '@nestjs/common';
import { ConsoleSessions } from './console-sessions';

/** Puts the session middleware ahead of Nest's routes, so GraphQL's context sees req.session. */
export function installConsoleSessions(app: INestApplication): void {
  app.use(app.get(ConsoleSessions).middleware);
}
