import type { LocalServices } from '../../scripts/services/local-services';

/** Stops only the services global-setup started; ones that were already running are left up. */
export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __HOP_LUU_SERVICES__?: LocalServices }).__HOP_LUU_SERVICES__;
  await services?.stop();
}
