import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { HarvestRun, HarvestRunsService } from '@hop-luu/harvest-runs';
import { SourceError, SourceErrorCode, SourceRegistrationService } from '@hop-luu/sources';
import { commands } from '../apps/harvester/src/cli/commands';
import { CliModule } from '../apps/harvester/src/cli/cli.module';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { DEMO_FAILING_LIBRARY, DEMO_LIBRARIES, DemoLibrary } from './demo-feed';
import { startLocalServices } from './services/local-services';
import { PROJECT_ROOT } from './services/paths';
import { waitUntil } from './services/process-tools';

export type Say = (line: string) => void;

export interface DemoOptions {
  /** Environment of the apps (config/settings.ts names), over process.env. */
  readonly env: Record<string, string | undefined>;
  readonly providerPort: number;
  /** maildev's SMTP and web ports; null: no mail catcher (SMTP_URL in env says where mail goes). */
  readonly mailCatcher: { readonly smtp: number; readonly web: number } | null;
  readonly say: Say;
}

export interface DemoSystem {
  readonly config: AppConfig;
  readonly gatewayUrl: string;
  /** The demo's harvests, one per library, finished. */
  readonly runs: HarvestRun[];
  stop(): Promise<void>;
}

const ALL_LIBRARIES: DemoLibrary[] = [...DEMO_LIBRARIES, DEMO_FAILING_LIBRARY];

/** The staff sign-in the demo makes (CLI people:create-staff), printed for whoever opens the console. */
export const DEMO_STAFF = {
  email: 'demo@hopluu.vn',
  password: 'trong dong hoa sen 2026',
  name: 'Cán bộ demo',
} as const;

function startApp(name: 'harvester' | 'gateway', env: DemoOptions['env'], say: Say): ChildProcess {
  const main = join(PROJECT_ROOT, 'dist', 'apps', name, 'src', 'main.js');
  // The harvester's recommended V8 setting (bench/README.md): small young-generation semi-spaces
  // keep its memory near one record's worth without costing CPU; the Dockerfile uses it too.
  const flags = name === 'harvester' ? ['--max-semi-space-size=4'] : [];
  const child = spawn(process.execPath, [...flags, main], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  child.on('exit', (code) => say(`${name} exited (${code ?? 'signal'})`));
  return child;
}

/**
 * maildev: an SMTP server that keeps every message and shows them on a web page, so the
 * alerts the demo's failing source sends can be read.
 */
async function startMailCatcher(ports: { smtp: number; web: number }, say: Say) {
  const child = spawn(
    process.execPath,
    [
      require.resolve('maildev/bin/maildev'),
      ...['--ip', '127.0.0.1', '--smtp', String(ports.smtp), '--web', String(ports.web)],
      '--silent',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let running = true;
  child.on('exit', (code) => {
    running = false;
    say(`mail catcher exited (${code ?? 'signal'})`);
  });
  const answers = () =>
    fetch(`http://127.0.0.1:${ports.web}/`).then(
      (response) => response.ok,
      () => false,
    );
  await waitUntil('mail catcher', answers, 30_000, () => running);
  return child;
}

async function isReady(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
  return response?.status === 200;
}

/**
 * Makes the demo staff person (first, so the failing library's alert reaches them too),
 * registers every demo library (kept when it exists) and harvests each in full once.
 */
async function registerAndHarvest(
  config: AppConfig,
  provider: OaiProvider,
  say: Say,
): Promise<HarvestRun[]> {
  const ctx: INestApplicationContext = await NestFactory.createApplicationContext(
    CliModule.forRoot(config),
    { logger: ['warn', 'error'] },
  );
  try {
    const { email, password, name } = DEMO_STAFF;
    await commands(ctx, say)['people:create-staff']([email, password, ...name.split(' ')]);
    const registration = ctx.get(SourceRegistrationService);
    const runs = ctx.get(HarvestRunsService);
    const queued: HarvestRun[] = [];
    for (const library of ALL_LIBRARIES) {
      const id = library.repository.name;
      await registration
        .register({
          id,
          libraryName: library.repository.generator!.libraryName!,
          libraryKind: library.kind,
          province: library.province,
          baseUrl: provider.baseUrl(id),
          metadataPrefix: library.metadataPrefix,
          schedule: '*/30 * * * *',
        })
        .catch((error: unknown) => {
          if (!(error instanceof SourceError && error.code === SourceErrorCode.AlreadyExists))
            throw error;
        });
      queued.push(await runs.enqueue({ sourceId: id, mode: 'full', trigger: 'manual' }));
    }
    const finished: HarvestRun[] = [];
    for (const run of queued) {
      await waitUntil(
        `run ${run.id}`,
        async () => !['queued', 'running'].includes((await runs.get(run.id))!.status),
        300_000,
      );
      finished.push((await runs.get(run.id))!);
    }
    return finished;
  } finally {
    await ctx.close();
  }
}

/**
 * The whole system on one machine, as `npm run demo` and `npm run bench:console` run it:
 * PostgreSQL and Elasticsearch (started or reused), a mail catcher, the sample feed through
 * the test OAI-PMH provider, the built harvester and gateway, the sample libraries registered
 * (one failing on purpose) and harvested once.
 */
export async function startDemoSystem(options: DemoOptions): Promise<DemoSystem> {
  const { say } = options;
  const mailEnv = options.mailCatcher
    ? { SMTP_URL: `smtp://127.0.0.1:${options.mailCatcher.smtp}` }
    : {};
  const env = { ...process.env, ...mailEnv, ...options.env };
  const config = loadConfig(env);
  const services = await startLocalServices(config, say);
  const mailCatcher = options.mailCatcher
    ? await startMailCatcher(options.mailCatcher, say)
    : undefined;
  const provider = await startOaiProvider({
    port: options.providerPort,
    repositories: ALL_LIBRARIES.map((library) => library.repository),
  });
  provider.repo(DEMO_FAILING_LIBRARY.repository.name).setModes(DEMO_FAILING_LIBRARY.modes);
  say(`sample OAI-PMH feed: ${provider.origin}/oai/<library>?verb=Identify`);
  const apps = [startApp('harvester', env, say), startApp('gateway', env, say)];
  await waitUntil('harvester', () => isReady(config.harvester.port), 60_000);
  await waitUntil('gateway', () => isReady(config.gateway.port), 60_000);
  const runs = await registerAndHarvest(config, provider, say);
  return {
    config,
    gatewayUrl: `http://127.0.0.1:${config.gateway.port}`,
    runs,
    async stop() {
      [...apps, mailCatcher].forEach((child) => child?.kill('SIGTERM'));
      await provider.close();
      await services.stop();
    },
  };
}
