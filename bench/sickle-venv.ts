import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Sickle release the benchmark compares with (the latest on PyPI when it was written). */
const SICKLE = 'sickle==0.7.0';

/**
 * Python with real Sickle (and its lxml and requests) in a virtualenv under `.cache/`, made
 * and installed from PyPI with pip on first use. Returns the interpreter, or why there is none.
 */
export function sicklePython(root: string): { python: string } | { skipped: string } {
  const venv = join(root, '.cache', 'bench-sickle');
  const python = join(venv, 'bin', 'python');
  if (existsSync(python) && run(python, ['-c', 'import sickle']).ok) return { python };
  console.log(`Installing ${SICKLE} into ${venv} (python3 -m venv, pip)…`);
  const steps: [string, string[]][] = [
    ['python3', ['-m', 'venv', venv]],
    [python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', SICKLE]],
  ];
  for (const [command, args] of steps) {
    const step = run(command, args);
    if (!step.ok) return { skipped: `${command} ${args.join(' ')} failed: ${step.output}` };
  }
  return { python };
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: 'pipe' });
  const output = (result.error?.message ?? `${result.stderr}${result.stdout}`).trim();
  return { ok: !result.error && result.status === 0, output: output.slice(-500) };
}
