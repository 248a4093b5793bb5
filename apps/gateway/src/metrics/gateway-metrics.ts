import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry, registerMetricsOf } from '@hop-luu/observability';

/** Where a search result came from (see SearchCache). */
export type ResultSource = 'memory' | 'shared' | 'elasticsearch';

/** Prometheus metrics of one gateway process, served to staff at /metrics. */
@Injectable()
export class GatewayMetrics {
  readonly answersFromMemory = new Counter({
    name: 'hopluu_gateway_answers_from_memory_total',
    help: 'GraphQL requests answered byte for byte from the answer cache, before Express',
    registers: [],
  });

  readonly searchResults = new Counter({
    name: 'hopluu_gateway_search_results_total',
    help: 'Search results by where they came from: memory, shared with an identical search in flight, or a new Elasticsearch search',
    labelNames: ['source'] as const,
    registers: [],
  });

  readonly searchDuration = new Histogram({
    name: 'hopluu_gateway_elasticsearch_search_seconds',
    help: 'Time of the Elasticsearch requests behind one search, by view (works or records)',
    labelNames: ['view'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  });

  readonly searchesStopped = new Counter({
    name: 'hopluu_gateway_searches_stopped_total',
    help: 'Searches stopped because every client waiting for them went away',
    registers: [],
  });

  readonly errors = new Counter({
    name: 'hopluu_gateway_errors_total',
    help: 'GraphQL errors answered, by code',
    labelNames: ['code'] as const,
    registers: [],
  });

  /** A registry of its own when built alone (unit tests); the process's one in the apps. */
  constructor(readonly registry: MetricsRegistry = new MetricsRegistry()) {
    registerMetricsOf(this, registry);
  }
}
