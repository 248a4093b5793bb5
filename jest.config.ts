import type { Config } from 'jest';
import { moduleNameMapper } from './test/support/module-name-mapper';

// Unit tests: *.spec.ts beside the code, no services needed.
const config: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts'],
  testRegex: '.*\\.spec\\.ts$',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper,
};

export default config;
