import { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../../apps/gateway/src/gateway.app';
import { harvesterApp } from '../../apps/harvester/src/harvester.app';
import { OaiProvider, OaiProviderOptions, startOaiProvider } from '@hop-luu/oai-test-provider';
import { SmtpCatcher } from './smtp-catcher';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './test-environment';

const ROOT = join(__dirname, '..', '..');
const CONSOLE_SOURCE = join(ROOT, 'apps', 'console');
const CONSOLE_PAGE = join(ROOT, 'dist', 'console', 'index.html');

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The browser tests need the built console (`npm run build` makes it, `npm test` does not):
 * builds it with Vite when dist/console is missing or older than a file of apps/console, so a
 * fresh clone passes and an edited console is never tested stale.
 */
export function ensureConsoleBuilt(): void {
  if (existsSync(CONSOLE_PAGE) && statSync(CONSOLE_PAGE).mtimeMs >= newestChange(CONSOLE_SOURCE))
    return;
  process.stderr.write('[console] building apps/console (npm run console:build)\n');
  execFileSync('npm', ['run', '--silent', 'console:build'], { cwd: ROOT, stdio: 'inherit' });
}

/** A port free right now, so the gateway's address (and the links in mails) is known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ConsoleStack {
  readonly env: TestEnv;
  readonly provider: OaiProvider;
  readonly mail: SmtpCatcher;
  readonly harvester: INestApplication;
  readonly gateway: INestApplication;
  /** Where the gateway listens, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * Everything the console talks to, for real: the test OAI-PMH provider, an SMTP server that
 * catches the alert e-mails, the harvester (worker included, so queued runs run) and the
 * gateway listening on a free port, on the file's own database and index prefix.
 */
export async function startConsoleStack(
  tag: string,
  providerOptions: OaiProviderOptions,
  overrides: TestEnv = {},
): Promise<ConsoleStack> {
  const provider = await startOaiProvider(providerOptions);
  const mail = await SmtpCatcher.start();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = await isolatedTestEnv(tag, {
    SMTP_URL: mail.url,
    CONSOLE_PUBLIC_URL: `${origin}/console`,
    HARVEST_RETRY_MAX_ATTEMPTS: '1',
    ...overrides,
  });
  const config = loadConfig({ ...process.env, ...env });
  const harvester = await createApp(harvesterApp, config);
  await harvester.init();
  const gateway = await createApp(gatewayApp, config);
  await gateway.listen(port, '127.0.0.1');
  return {
    env,
    provider,
    mail,
    harvester,
    gateway,
    origin,
    async stop() {
      await gateway.close();
      await harvester.close();
      await provider.close();
      await mail.stop();
      await removeTestEnv(env);
    },
  };
}
