import { readFileSync } from 'node:fs';

export interface RssSampler {
  /** Highest resident set size seen, in bytes. */
  stop(): number;
}

/** Samples a process's resident set size (VmRSS in /proc/<pid>/status) every `everyMs`. */
export function sampleRss(pid: number, everyMs = 100): RssSampler {
  let peak = residentBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, residentBytes(pid));
    },
  };
}

/** 0 once the process is gone, so a sampler outliving its process does not throw. */
export function residentBytes(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kib ? Number(kib) * 1024 : 0;
}
