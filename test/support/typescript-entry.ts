/**
 * Node's arguments to run a TypeScript entry point (e.g. `apps/harvester/src/main.ts`, relative
 * to the project root) in a child process: compiled on the fly, without type-checking, and with
 * the `@hop-luu/*` paths of tsconfig.json resolved as tsc resolves them.
 */
export function typeScriptEntry(file: string, ...args: string[]): string[] {
  return ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', file, ...args];
}
