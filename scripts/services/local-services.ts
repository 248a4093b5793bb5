import { AppConfig, loadConfig } from '@hop-luu/config';
import { ensureElasticsearch, ServiceHandle } from './elasticsearch';
import { ensurePostgres } from './postgres';

export interface LocalServices {
  readonly postgres?: ServiceHandle;
  readonly elasticsearch?: ServiceHandle;
  stop(): Promise<void>;
}

/**
 * Starts (or reuses) PostgreSQL and Elasticsearch at the default local addresses. A URL the
 * user configured points at a service they run themselves, so it is left alone.
 */
export async function startLocalServices(
  config: AppConfig,
  log: (line: string) => void = (line) => process.stderr.write(`[services] ${line}\n`),
): Promise<LocalServices> {
  const defaults = loadConfig({});
  const manageDatabase = config.databaseUrl === defaults.databaseUrl;
  const manageSearch = config.elasticsearch.url === defaults.elasticsearch.url;
  const [postgres, elasticsearch] = await Promise.all([
    manageDatabase ? ensurePostgres({ url: config.databaseUrl, log }) : undefined,
    manageSearch ? ensureElasticsearch({ url: config.elasticsearch.url, log }) : undefined,
  ]);
  return {
    postgres,
    elasticsearch,
    stop: async () => {
      await Promise.all(
        [postgres, elasticsearch].map((service) =>
          service?.startedHere ? service.stop() : undefined,
        ),
      );
    },
  };
}
