import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Derived from the "paths" of tsconfig.json so jest resolves @hop-luu/* exactly as tsc does.
const tsconfig = JSON.parse(readFileSync(join(__dirname, '..', '..', 'tsconfig.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

// A trailing /* (deep imports of a library, e.g. @hop-luu/oai-test-provider/legacy-text) maps
// to a capture group.
export const moduleNameMapper: Record<string, string> = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/\/\*$/, '/(.*)')}$`,
    `<rootDir>/${target.replace(/^\.\//, '').replace(/\/\*$/, '/$1')}`,
  ]),
);
