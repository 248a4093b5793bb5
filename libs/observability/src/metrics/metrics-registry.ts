import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';

/**
 * The one Prometheus registry of a process, with Node's default metrics (memory, event-loop
 * lag, GC). Each app's metrics class registers its own counters on it; /metrics scrapes it.
 * Not prom-client's global registry, so tests can build several apps in one process.
 */
@Injectable()
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this });
  }
}

type PromMetric = Parameters<Registry['registerMetric']>[0];

/**
 * Registers every prom-client metric held in `holder`'s fields (declared with `registers: []`)
 * on `registry`: field initialisers run before a constructor's parameters are assigned, so
 * the metrics cannot name the injected registry themselves.
 */
export function registerMetricsOf(holder: object, registry: Registry): void {
  for (const value of Object.values(holder)) {
    if (
      value instanceof Counter ||
      value instanceof Gauge ||
      value instanceof Histogram ||
      value instanceof Summary
    )
      registry.registerMetric(value as PromMetric);
  }
}
