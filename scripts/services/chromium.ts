import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Where Debian's `chromium` package puts its launcher. No browser can be downloaded on this
 * network (Playwright's own builds come from a CDN), so the browser tests drive Debian's.
 * CHROMIUM_PATH overrides it (e.g. a Chromium installed elsewhere).
 */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
}

/** Runs one apt-get command non-interactively; rejects with its last output lines. */
function aptGet(args: string[], say: (line: string) => void): Promise<void> {
  say(`apt-get ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn('apt-get', args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`apt-get ${args[0]} exited ${code}:\n${output.slice(-1500)}`)),
    );
  });
}

async function installChromium(say: (line: string) => void): Promise<void> {
  if (process.getuid?.() !== 0)
    throw new Error(
      `No Chromium at ${DEBIAN_CHROMIUM}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  try {
    await aptGet(install, say);
  } catch {
    // A fresh machine's package lists may be missing or stale: refresh them once and retry.
    await aptGet(['update'], say);
    await aptGet(install, say);
  }
}

/**
 * The Chromium the browser tests and bench:console drive: the one already there (a file
 * check, so repeated calls cost nothing), else Debian's `chromium`, installed with apt-get.
 */
export async function ensureChromium(
  say: (line: string) => void = (line) => process.stderr.write(`[chromium] ${line}\n`),
): Promise<string> {
  const path = chromiumPath();
  if (existsSync(path)) return path;
  if (path !== DEBIAN_CHROMIUM) throw new Error(`CHROMIUM_PATH=${path} does not exist`);
  await installChromium(say);
  if (!existsSync(path)) throw new Error(`apt-get installed chromium but ${path} is missing`);
  return path;
}

/**
 * Flags for a headless Chromium on a closed network. Without the background-networking ones
 * Chromium keeps opening connections to Google services, which this network refuses many at
 * a time; QUIC, sync and component updates would do the same. No sandbox: the tests run as root.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// `npx ts-node scripts/services/chromium.ts`: install now, e.g. while provisioning a machine.
if (require.main === module) {
  void ensureChromium().then(
    (path) => process.stdout.write(`${path}\n`),
    (error: Error) => {
      process.stderr.write(`[chromium] ${error.message}\n`);
      process.exit(1);
    },
  );
}
