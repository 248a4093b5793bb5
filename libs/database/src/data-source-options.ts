import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { MIGRATIONS } from './migrations';

/** Connection options shared by the apps and the CLI; never `synchronize`: migrations own the schema. */
export function dataSourceOptions(databaseUrl: string): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    applicationName: 'hop-luu',
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
