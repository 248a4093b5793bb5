import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { HarvestRun, HarvestRunsService } from '@hop-luu/harvest-runs';
import { SourceError, SourceErrorCode, SourceRegistrationService } from '@hop-luu/sources';
import { HarvesterModule } from '../apps/harvester/src/harvester.module';
import { OaiProvider, startOaiProvider } from '../test/oai-provider';
import { DEMO_FAILING_LIBRARY, DEMO_LIBRARIES, DEMO_PROVIDER_PORT } from './demo-feed';
import { startLocalServices } from './services/local-services';
import { PROJECT_ROOT } from './services/paths';
import { waitUntil } from './services/process-tools';

/**
 * `npm run demo`: the whole system on one machine. Starts (or reuses) PostgreSQL and
 * Elasticsearch, a mail catcher (maildev) for the alert e-mails, serves the bundled sample
 * feed through the test OAI-PMH provider, starts the harvester and the gateway, registers the
 * sample libraries (one of which fails on purpose), harvests them, and keeps everything
 * running until Ctrl-C.
 */
function say(line: string): void {
  process.stderr.write(`[demo] ${line}\n`);
}

/** maildev's SMTP and web ports (its defaults); used unless SMTP_URL points elsewhere. */
const MAIL_CATCHER = { smtp: 1025, web: 1080 };

// The sample feed is served on 127.0.0.1, which sources may only use when allowed.
const demoEnv: Record<string, string | undefined> = {
  HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true',
  HARVEST_POLITENESS_DELAY_MS: '0',
  SMTP_URL: `smtp://127.0.0.1:${MAIL_CATCHER.smtp}`,
  ...process.env,
};

/**
 * maildev: an SMTP server that keeps every message and shows them on a web page, so the
 * alerts the demo's failing source sends can be read. Not started when SMTP_URL was given.
 */
async function startMailCatcher(): Promise<ChildProcess | undefined> {
  if (process.env.SMTP_URL) return undefined;
  const child = spawn(
    process.execPath,
    [
      require.resolve('maildev/bin/maildev'),
      '--ip',
      '127.0.0.1',
      '--smtp',
      String(MAIL_CATCHER.smtp),
      '--web',
      String(MAIL_CATCHER.web),
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
    fetch(`http://127.0.0.1:${MAIL_CATCHER.web}/`).then(
      (response) => response.ok,
      () => false,
    );
  await waitUntil('mail catcher', answers, 30_000, () => running);
  return child;
}

function startApp(name: 'harvester' | 'gateway'): ChildProcess {
  const main = join(PROJECT_ROOT, 'dist', 'apps', name, 'src', 'main.js');
  // The harvester's recommended V8 setting (bench/README.md): small young-generation semi-spaces
  // keep its memory near one record's worth without costing CPU; the Dockerfile uses it too.
  const flags = name === 'harvester' ? ['--max-semi-space-size=4'] : [];
  const child = spawn(process.execPath, [...flags, main], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: demoEnv,
  });
  child.on('exit', (code) => say(`${name} exited (${code ?? 'signal'})`));
  return child;
}

async function isReady(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
  return response?.status === 200;
}

async function registerAndHarvest(config: AppConfig, provider: OaiProvider): Promise<HarvestRun[]> {
  const ctx: INestApplicationContext = await NestFactory.createApplicationContext(
    HarvesterModule.forRoot(config, { background: false }),
    { logger: ['warn', 'error'] },
  );
  try {
    const registration = ctx.get(SourceRegistrationService);
    const runs = ctx.get(HarvestRunsService);
    const queued: HarvestRun[] = [];
    for (const library of [...DEMO_LIBRARIES, DEMO_FAILING_LIBRARY]) {
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

async function main(): Promise<void> {
  const config: AppConfig = loadConfig(demoEnv);
  const services = await startLocalServices(config, say);
  const mailCatcher = await startMailCatcher();
  const provider = await startOaiProvider({
    port: DEMO_PROVIDER_PORT,
    repositories: [...DEMO_LIBRARIES, DEMO_FAILING_LIBRARY].map((l) => l.repository),
  });
  provider.repo(DEMO_FAILING_LIBRARY.repository.name).setModes(DEMO_FAILING_LIBRARY.modes);
  say(`sample OAI-PMH feed: ${provider.origin}/oai/<library>?verb=Identify`);
  const apps = [startApp('harvester'), startApp('gateway')];
  await waitUntil('harvester', () => isReady(config.harvester.port), 60_000);
  await waitUntil('gateway', () => isReady(config.gateway.port), 60_000);
  for (const run of await registerAndHarvest(config, provider)) {
    say(
      `${run.sourceId.padEnd(14)} ${run.status}: ${run.recordsSeen} records (${run.recordsIndexed} indexed, ${run.recordsUnchanged} unchanged, ${run.recordsFailed} failed)`,
    );
  }
  const query = JSON.stringify({
    query:
      '{ search(query: "lich su viet nam", first: 3) { totalCount works { representative { title year } holdings { libraryName callNumber } } } }',
  });
  const gateway = `http://127.0.0.1:${config.gateway.port}`;
  say(`Console (staff and partner libraries): ${gateway}/console/`);
  say(
    mailCatcher
      ? `Alert e-mails (${DEMO_FAILING_LIBRARY.repository.name} fails on purpose): http://127.0.0.1:${MAIL_CATCHER.web}/`
      : `Alert e-mails go to SMTP_URL=${demoEnv.SMTP_URL}`,
  );
  say(`Query the union catalogue in a browser: ${gateway}/explorer`);
  say(`or: curl -s ${gateway}/graphql -H 'content-type: application/json' -d '${query}'`);
  say(
    `Harvest runs: npm run cli -- runs    metrics (staff key: npm run cli -- keys:create --partner Ops --role staff): http://127.0.0.1:${config.harvester.port}/metrics`,
  );
  say('Ctrl-C stops everything the demo started.');
  const shutdown = async () => {
    [...apps, mailCatcher].forEach((app) => app?.kill('SIGTERM'));
    await provider.close();
    await services.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main().catch((error: Error) => {
  say(`failed: ${error.message}`);
  process.exit(1);
});
