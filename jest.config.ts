import type { Config } from 'jest';
import { moduleNameMapper } from './test/support/module-name-mapper';

// Unit tests: *.spec.ts beside the code, no services needed. The console's (apps/console) are
// compiled with its own tsconfig (DOM, JSX), in a project of their own: one ts-jest transform
// per project, so the server code never meets the console's compiler options.
const common = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.spec\\.ts$',
  moduleNameMapper,
};
const config: Config = {
  projects: [
    {
      ...common,
      displayName: 'server',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/console/'],
      transform: { '^.+\\.ts$': 'ts-jest' },
    },
    {
      ...common,
      displayName: 'console',
      roots: ['<rootDir>/apps/console'],
      transform: {
        '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/apps/console/tsconfig.json' }],
      },
    },
  ],
};

export default config;
