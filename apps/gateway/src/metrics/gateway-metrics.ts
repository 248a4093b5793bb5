import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Where a search result came from (see SearchCache). */
export type ResultSource = 'memory' | 'shared' | 'elasticsearch';

/** Prometheus metrics of one gateway process, served to staff at /metrics. */
@Injectable()
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly answersFromMemory = new Counter({
    name: 'hopluu_gateway_answers_from_memory_total',
    help: 'GraphQL requests answered byte for byte from the answer cache, before Express',
    registers: [this.registry],
  });

  readonly searchResults = new Counter({
    name: 'hopluu_gateway_search_results_total',
    help: 'Search results by where they came from: memory, shared with an identical search in flight, or a new Elasticsearch search',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly searchDuration = new Histogram({
    name: 'hopluu_gateway_elasticsearch_search_seconds',
    help: 'Time of the Elasticsearch requests behind one search, by view (works or records)',
    labelNames: ['view'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly searchesStopped = new Counter({
    name: 'hopluu_gateway_searches_stopped_total',
    help: 'Searches stopped because every client waiting for them went away',
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'hopluu_gateway_errors_total',
    help: 'GraphQL errors answered, by code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
