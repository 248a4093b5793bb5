import { loadConfig } from '@hop-luu/config';
import { startLocalServices } from './local-services';

/** `npm run services:up`: starts PostgreSQL and Elasticsearch and keeps them until Ctrl-C. */
async function main(): Promise<void> {
  const started = Date.now();
  const services = await startLocalServices(loadConfig());
  process.stderr.write(
    `[services] ready in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops them\n`,
  );
  const shutdown = () => void services.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => undefined, 1 << 30);
}

void main().catch((error: Error) => {
  process.stderr.write(`[services] ${error.message}\n`);
  process.exit(1);
});
