import { DynamicModule, INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, loadConfig } from '@hop-luu/config';
import { createRootLogger, PinoLoggerService, requestLoggingMiddleware } from '@hop-luu/observability';

export interface AppDefinition {
  /** Short name, e.g. 'harvester'; appears in every log line. */
  readonly name: string;
  /** The root module, built from the validated config. */
  readonly module: (config: AppConfig) => Type<unknown> | DynamicModule;
  readonly port: (config: AppConfig) => number;
}

/**
 * Validates the configuration once, then builds the app with JSON logging and request ids.
 * A bad setting ends the process here with one line naming it and exit code 1.
 */
export function loadConfigOrExit(appName: string): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`hop-luu ${appName}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export async function createApp(definition: AppDefinition, config: AppConfig): Promise<INestApplication> {
  const root = createRootLogger(definition.name, config.logLevel);
  const app = await NestFactory.create(definition.module(config), {
    logger: new PinoLoggerService(root),
  });
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(requestLoggingMiddleware(root));
  app.enableShutdownHooks();
  return app;
}

export async function runApp(definition: AppDefinition): Promise<INestApplication> {
  const config = loadConfigOrExit(definition.name);
  const app = await createApp(definition, config);
  await app.listen(definition.port(config), config.bindAddress);
  new Logger(definition.name).log(`${definition.name} listening on ${await app.getUrl()}`);
  return app;
}
