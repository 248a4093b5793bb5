import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Open sockets of a process, counted from /proc/<pid>/fd (Linux). */
export function openSockets(pid: number): number {
  let sockets = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) sockets++;
    } catch {
      // closed between the listing and the readlink
    }
  }
  return sockets;
}

/** The process listening on `port` (from /proc/net/tcp{,6} and each process's fds), if any. */
export function pidListeningOn(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  // Java listens on an IPv4-mapped IPv6 socket: look in tcp6 as well.
  const rows = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8').split('\n').slice(1),
  );
  const inodes = new Set(
    rows
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A') // 0A: LISTEN
      .map((cols) => `socket:[${cols[9]}]`),
  );
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        if (inodes.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      }
    } catch {
      // gone, or not ours to look at
    }
  }
  return undefined;
}

export interface WatchReport {
  readonly samples: number;
  readonly maxSockets: number;
  /** /health/live checks that failed or took longer than the limit, with what happened. */
  readonly healthFailures: string[];
}

/**
 * Samples a process every `intervalMs` until stopped: its open sockets, and whether
 * `/health/live` answers 200 within `healthTimeoutMs`.
 */
export function watchProcess(
  pid: number,
  liveUrl: string,
  { intervalMs = 250, healthTimeoutMs = 2000 } = {},
): { stop(): Promise<WatchReport> } {
  let maxSockets = 0;
  let samples = 0;
  const healthFailures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        maxSockets = Math.max(maxSockets, openSockets(pid));
      } catch {
        healthFailures.push('the process is gone');
        return;
      }
      samples++;
      const started = Date.now();
      try {
        const response = await fetch(liveUrl, { signal: AbortSignal.timeout(healthTimeoutMs) });
        if (response.status !== 200) healthFailures.push(`status ${response.status}`);
      } catch (error) {
        healthFailures.push(`${(error as Error).message} after ${Date.now() - started} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, maxSockets, healthFailures };
    },
  };
}
