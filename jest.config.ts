import type { Config } from 'jest';
import { moduleNameMapper } from './test/support/module-name-mapper';

// Unit tests: *.spec.ts beside the code, no services needed. The console's (apps/console) are
// compiled with its own tsconfig (DOM, JSX); its pure helpers are tested here too.
const config: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts'],
  testRegex: '.*\\.spec\\.ts$',
  transform: {
    '^.+/apps/console/.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: '<rootDir>/apps/console/tsconfig.json' },
    ],
    '^.+\\.ts$': 'ts-jest',
  },
  moduleNameMapper,
};

export default config;
