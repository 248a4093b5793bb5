import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry, registerMetricsOf } from '@hop-luu/observability';
import { PageCounts } from '../harvest/record-batcher';

/** Prometheus metrics of one harvester process, served at /metrics. */
@Injectable()
export class HarvestMetrics {
  readonly runs = new Counter({
    name: 'hopluu_harvest_runs_total',
    help: 'Harvest runs finished, by final status',
    labelNames: ['status'] as const,
    registers: [],
  });

  readonly records = new Counter({
    name: 'hopluu_harvest_records_total',
    help: 'Records handled, by outcome (indexed, unchanged, deleted, failed)',
    labelNames: ['outcome'] as const,
    registers: [],
  });

  readonly retries = new Counter({
    name: 'hopluu_oai_retries_total',
    help: 'OAI-PMH requests retried after a transient failure',
    registers: [],
  });

  readonly requestDuration = new Histogram({
    name: 'hopluu_oai_request_duration_seconds',
    help: 'OAI-PMH request time per host, from sending to the end of the response',
    labelNames: ['host', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [],
  });

  readonly runDuration = new Histogram({
    name: 'hopluu_harvest_run_duration_seconds',
    help: 'Wall time of harvest runs',
    buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 12 * 3600],
    registers: [],
  });

  /** A registry of its own when built alone (unit tests); the process's one in the apps. */
  constructor(readonly registry: MetricsRegistry = new MetricsRegistry()) {
    registerMetricsOf(this, registry);
  }

  recordPage(counts: PageCounts, retries: number): void {
    this.records.inc({ outcome: 'indexed' }, counts.indexed);
    this.records.inc({ outcome: 'unchanged' }, counts.unchanged);
    this.records.inc({ outcome: 'deleted' }, counts.deleted);
    this.records.inc({ outcome: 'failed' }, counts.failed);
    this.retries.inc(retries);
  }
}
