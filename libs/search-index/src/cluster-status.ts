import { Client } from '@elastic/elasticsearch';

export interface ClusterStatus {
  readonly reachable: boolean;
  readonly status?: string;
  readonly version?: string;
  readonly error?: string;
}

/** Asks the cluster how it is; never throws, so callers can decide how bad "down" is. */
export async function readClusterStatus(client: Client, timeoutMs: number): Promise<ClusterStatus> {
  try {
    const health = await client.cluster.health(
      { timeout: `${timeoutMs}ms` },
      { requestTimeout: timeoutMs, maxRetries: 0 },
    );
    return { reachable: true, status: health.status };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** green and yellow both serve reads and writes; yellow is normal on a single node. */
export function isServing(status: ClusterStatus): boolean {
  return status.reachable && (status.status === 'green' || status.status === 'yellow');
}
