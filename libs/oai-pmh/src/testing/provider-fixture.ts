import {
  startOaiProvider,
  type OaiProvider,
  type Repository,
  type RepositoryConfig,
} from '@hop-luu/oai-test-provider';
import { testClientOptions } from '@hop-luu/oai-test-provider/client-options';
import { OaiPmhClient } from '../client';
import type { OaiPmhClientOptions } from '../options';

/** One provider repository for a client spec, with clients that are closed after each test. */
export interface ProviderFixture {
  readonly provider: OaiProvider;
  repo(): Repository;
  /** A client of the repository with test options, `defaults` and `extra`; closed after the test. */
  client(extra?: Partial<OaiPmhClientOptions>): OaiPmhClient;
  /** Closes `client` after the test, like the ones `client()` makes. */
  track(client: OaiPmhClient): OaiPmhClient;
  /** How many requests the repository received while `run` ran. */
  requestsDuring(run: () => Promise<unknown>): Promise<number>;
}

/**
 * Starts a provider serving `config` before the spec's tests and stops it after; after each
 * test its clients are closed and the repository's faults and token lifetime reset. Call it
 * inside the spec's `describe`.
 */
export function useProviderRepository(
  config: RepositoryConfig,
  defaults: Partial<OaiPmhClientOptions> = {},
): ProviderFixture {
  let provider: OaiProvider | undefined;
  let clients: OaiPmhClient[] = [];
  const started = (): OaiProvider => {
    if (!provider) throw new Error('the provider starts in beforeAll');
    return provider;
  };
  const repo = () => started().repo(config.name);
  const track = (client: OaiPmhClient) => {
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    provider = await startOaiProvider({ repositories: [config] });
  });
  afterEach(() => {
    clients.forEach((c) => c.close());
    clients = [];
    repo().resetFaults();
    repo().tokenTtlMs = config.tokenTtlMs ?? 3_600_000;
  });
  afterAll(() => provider?.close());

  return {
    get provider() {
      return started();
    },
    repo,
    track,
    client: (extra = {}) =>
      track(
        new OaiPmhClient({
          ...testClientOptions(started().baseUrl(config.name)),
          ...defaults,
          ...extra,
        }),
      ),
    requestsDuring: async (run) => {
      const before = repo().requests.length;
      await run();
      return repo().requests.length - before;
    },
  };
}
