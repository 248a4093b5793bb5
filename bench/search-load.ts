/**
 * Drives the gateway with autocannon (programmatic API). Each connection is pinned to one kind
 * of query and cycles through that kind's variants, so every response can be attributed to
 * its kind: latency per kind comes from autocannon's per-response timing, and every body is
 * checked for GraphQL `errors` (a figure with errors is not a valid figure).
 */
import { createRequire } from 'node:module';
import { QueryKind, requestBody, SearchVariables } from './search-queries';

/* autocannon ships no TypeScript types; this is the part of its API the bench uses. */
interface CannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  onResponse: (status: number, body: string) => void;
}
interface CannonClient {
  setRequests(requests: CannonRequest[]): void;
  on(
    event: 'response',
    listener: (status: number, bytes: number, durationMs: number) => void,
  ): void;
}
interface CannonResult {
  requests: { sent: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  setupClient: (client: CannonClient) => void;
}
type Autocannon = (options: CannonOptions) => Promise<CannonResult>;

const autocannon = createRequire(__filename)('autocannon') as Autocannon;

export interface KindStats {
  readonly name: string;
  readonly latencies: number[];
  non2xx: number;
  graphqlErrors: number;
  firstError?: string;
}

export interface LoadResult {
  readonly seconds: number;
  /** Sent but not answered when the run stopped: slower than the run's remaining time. */
  readonly unanswered: number;
  /** Socket errors and timeouts as autocannon counts them. */
  readonly transportErrors: number;
  readonly kinds: KindStats[];
}

export interface LoadOptions {
  readonly url: string;
  readonly operation: string;
  readonly kinds: readonly QueryKind[];
  readonly connections: number;
  readonly seconds: number;
  /** Warm-up runs take never-repeated searches from a part of their own, so none is timed twice. */
  readonly warmUp?: boolean;
}

/** Body check without a full parse: a successful GraphQL response has no top-level `errors`. */
function graphqlError(body: string): string | undefined {
  if (!body.includes('"errors"')) return undefined;
  try {
    const parsed = JSON.parse(body) as { errors?: { message: string }[] };
    return parsed.errors?.length ? parsed.errors[0].message : undefined;
  } catch {
    return `unparseable body: ${body.slice(0, 120)}`;
  }
}

/**
 * The searches one connection sends: all of its kind's, or, for a never-repeated kind, its own
 * share of the first half (timed runs) or of the second half (warm-up runs and checks).
 */
function variantsFor(kind: QueryKind, share: number, shares: number, warmUp: boolean) {
  if (!kind.neverRepeated) return kind.variants;
  const half = Math.floor(kind.variants.length / 2);
  const size = Math.floor(half / shares);
  const start = (warmUp ? half : 0) + share * size;
  return kind.variants.slice(start, start + size);
}

/** A few searches of each kind that no timed run sends. */
export function sampleVariants(kind: QueryKind, count: number): readonly SearchVariables[] {
  return variantsFor(kind, 0, 1, true).slice(0, count);
}

function pinKind(
  client: CannonClient,
  operation: string,
  stats: KindStats,
  variants: readonly SearchVariables[],
) {
  const check = (status: number, body: string) => {
    const error = status >= 200 && status < 300 ? graphqlError(body) : `HTTP ${status}`;
    if (status < 200 || status >= 300) stats.non2xx++;
    else if (error) stats.graphqlErrors++;
    if (error) stats.firstError ??= error;
  };
  client.setRequests(
    variants.map((variables) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: requestBody(operation, variables),
      onResponse: check,
    })),
  );
  client.on('response', (_status, _bytes, durationMs) => stats.latencies.push(durationMs));
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const kinds: KindStats[] = options.kinds.map((kind) => ({
    name: kind.name,
    latencies: [],
    non2xx: 0,
    graphqlErrors: 0,
  }));
  let nextClient = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    setupClient: (client) => {
      // Connections are spread evenly over the kinds: connection i runs kind i mod K.
      const k = nextClient % options.kinds.length;
      const share = Math.floor(nextClient++ / options.kinds.length);
      const shares = Math.ceil(options.connections / options.kinds.length);
      const variants = variantsFor(options.kinds[k], share, shares, options.warmUp ?? false);
      pinKind(client, options.operation, kinds[k], variants);
    },
  });
  return {
    seconds: result.duration,
    unanswered: result.requests.sent - result.requests.total,
    transportErrors: result.errors + result.timeouts,
    kinds,
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
