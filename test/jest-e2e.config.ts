import type { Config } from 'jest';
import { moduleNameMapper } from './support/module-name-mapper';

// End-to-end tests: real PostgreSQL and Elasticsearch, started once per run by global-setup.
const config: Config = {
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.e2e-spec\\.ts$',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 120_000,
};

export default config;
