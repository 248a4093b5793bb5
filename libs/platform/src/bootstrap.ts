import { DynamicModule, INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig, ConfigError, loadConfig } from '@hop-luu/config';

export interface AppDefinition {
  /** Short name, e.g. 'harvester'; appears in every log line. */
  readonly name: string;
  /** The root module, built from the validated config. */
  readonly module: (config: AppConfig) => DynamicModule;
  readonly port: (config: AppConfig) => number;
  /** Runs before Nest registers its body parser and module middleware: for what must see requests first. */
  readonly beforeInit?: (app: INestApplication) => void;
}

/** Validates the configuration once; a bad setting ends the process with one line naming it and exit code 1. */
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

/** Builds an app with JSON logging; tests call this too, so they run what production runs. */
export async function createApp(
  definition: AppDefinition,
  config: AppConfig,
): Promise<INestApplication> {
  const app = await NestFactory.create(definition.module(config), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.enableShutdownHooks();
  definition.beforeInit?.(app);
  return app;
}

export async function runApp(definition: AppDefinition): Promise<INestApplication> {
  const config = loadConfigOrExit(definition.name);
  const app = await createApp(definition, config);
  await app.listen(definition.port(config), config.bindAddress);
  new Logger(definition.name).log(`${definition.name} listening on ${await app.getUrl()}`);
  return app;
}
