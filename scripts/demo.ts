import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { startLocalServices } from './services/local-services';
import { PROJECT_ROOT } from './services/paths';
import { waitUntil } from './services/process-tools';

/**
 * `npm run demo`: the whole system on one machine. Starts (or reuses) PostgreSQL and
 * Elasticsearch, then the harvester and the gateway from the build, and keeps them
 * running until Ctrl-C.
 */
function say(line: string): void {
  process.stderr.write(`[demo] ${line}\n`);
}

function startApp(name: 'harvester' | 'gateway'): ChildProcess {
  const main = join(PROJECT_ROOT, 'dist', 'apps', name, 'src', 'main.js');
  const child = spawn(process.execPath, [main], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  child.on('exit', (code) => say(`${name} exited (${code ?? 'signal'})`));
  return child;
}

async function isReady(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
  return response?.status === 200;
}

async function main(): Promise<void> {
  const config: AppConfig = loadConfig();
  const services = await startLocalServices(config, say);
  const apps = [startApp('harvester'), startApp('gateway')];
  await waitUntil('harvester', () => isReady(config.harvester.port), 60_000);
  await waitUntil('gateway', () => isReady(config.gateway.port), 60_000);
  say(`harvester ready: http://127.0.0.1:${config.harvester.port}/health/ready`);
  say(`gateway ready:   http://127.0.0.1:${config.gateway.port}/health/ready`);
  say('Ctrl-C stops everything the demo started.');
  const shutdown = async () => {
    apps.forEach((app) => app.kill('SIGTERM'));
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
