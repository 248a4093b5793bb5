import * as http from 'node:http';

const PROBE_TIMEOUT_MS = 10_000;

export interface LivenessReport {
  probes: number;
  /** Slowest answer (a probe that got none counts with the time it waited). */
  worstMs: number;
  /** Probes that failed (refused, reset, timed out, not 200), with what went wrong. */
  failures: string[];
}

export interface LivenessProbe {
  /** Stops probing and waits for the probes in flight. */
  stop(): Promise<LivenessReport>;
}

/**
 * Asks `url` every `everyMs` on a new connection, as an orchestrator's liveness probe does,
 * without waiting for earlier probes: a blocked event loop then shows as the latency of the
 * probes queued behind it, not as missed samples.
 */
export function probeLiveness(url: string, everyMs = 150): LivenessProbe {
  const inFlight: Promise<void>[] = [];
  const report: LivenessReport = { probes: 0, worstMs: 0, failures: [] };
  const probe = () => {
    const started = Date.now();
    report.probes++;
    const done = get(url)
      .then(
        (status) => {
          if (status !== 200) report.failures.push(`HTTP ${status}`);
        },
        (error: Error) => {
          report.failures.push(error.message);
        },
      )
      .finally(() => (report.worstMs = Math.max(report.worstMs, Date.now() - started)));
    inFlight.push(done);
  };
  probe();
  const timer = setInterval(probe, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.allSettled(inFlight);
      return report;
    },
  };
}

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: PROBE_TIMEOUT_MS }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('timeout', () =>
      request.destroy(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
    );
    request.on('error', reject);
  });
}
