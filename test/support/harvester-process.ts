import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestEnv } from './test-environment';
import { typeScriptEntry } from './typescript-entry';

const ROOT = join(__dirname, '..', '..');

export interface HarvesterProcess {
  readonly child: ChildProcess;
  /** Resolves once the process logged that it listens. */
  readonly ready: Promise<void>;
  output(): string;
  /** Where it listens (`http://host:port`), once ready: with HARVESTER_PORT=0 the port is picked then. */
  url(): string;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/** Starts the real harvester app (apps/harvester/src/main.ts) as its own OS process. */
export function spawnHarvester(env: TestEnv): HarvesterProcess {
  const child = spawn(process.execPath, typeScriptEntry('apps/harvester/src/main.ts'), {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('harvester listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`harvester exited (${code}) before it was ready:\n${output.slice(-2000)}`)),
    );
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = () => {
    const found = /harvester listening on (http:\/\/[^\s"]+)/.exec(output)?.[1];
    if (!found) throw new Error(`harvester has not said where it listens:\n${output.slice(-2000)}`);
    return found;
  };
  return { child, ready, exited, output: () => output, url };
}
