// globalSetup runs outside jest's module mapper, so resolve @hop-luu/* through tsconfig paths.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { loadConfig } from '@hop-luu/config';
import { startLocalServices } from '../../scripts/services/local-services';

/** Starts (or reuses) the real PostgreSQL and Elasticsearch once for the whole e2e run. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const services = await startLocalServices(loadConfig());
  (globalThis as { __HOP_LUU_SERVICES__?: typeof services }).__HOP_LUU_SERVICES__ = services;
  process.stderr.write(`\n[services] ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
