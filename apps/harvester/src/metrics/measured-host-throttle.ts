import { HostLease, HostThrottle, HostThrottleOptions, ThrottleFeedback } from '@hop-luu/oai-pmh';
import { HarvestMetrics } from './harvest-metrics';

/**
 * The process-wide per-host politeness budget, timing each request it lets through: a lease
 * spans one request from sending to the end of its response.
 */
export class MeasuredHostThrottle extends HostThrottle {
  constructor(
    options: HostThrottleOptions,
    private readonly metrics: HarvestMetrics,
  ) {
    super(options);
  }

  override async acquire(host: string): Promise<HostLease> {
    const lease = await super.acquire(host);
    const stop = this.metrics.requestDuration.startTimer({ host });
    return {
      release: (feedback?: ThrottleFeedback) => {
        stop({ outcome: feedback === 'slowDown' ? 'throttled' : 'done' });
        lease.release(feedback);
      },
    };
  }
}
