import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { typeScriptEntry } from './support/typescript-entry';

const ROOT = join(__dirname, '..');

function startApp(app: 'harvester' | 'gateway', env: Record<string, string>) {
  return spawnSync(process.execPath, typeScriptEntry(`apps/${app}/src/main.ts`), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up configuration check (real processes)', () => {
  it.each(['harvester', 'gateway'] as const)(
    '%s stops on DATABASE_URL=nonsense with one line and exit 1',
    (app) => {
      const result = startApp(app, { DATABASE_URL: 'nonsense' });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/DATABASE_URL="nonsense".*expected a postgres/);
    },
  );

  it('names a malformed port and what it expects', () => {
    const result = startApp('gateway', { GATEWAY_PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /GATEWAY_PORT="eighty" — expected a whole number from 0 to 65535/,
    );
  });
});
