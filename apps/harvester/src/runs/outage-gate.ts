import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { isServing, readClusterStatus } from '@hop-luu/search-index';

/** Codes of a service outage: the run is resumed once that service answers again. */
export const OUTAGE_CODES = {
  search: 'SEARCH_UNAVAILABLE',
  database: 'DATABASE_UNAVAILABLE',
} as const;

/** A service a run could not reach, and how to ask whether it answers again. */
interface ServiceProbe {
  readonly name: string;
  /** Resolves true when the service serves; never throws. */
  answers(): Promise<boolean>;
}

const FIRST_CHECK_MS = 1000;

/**
 * Holds back new claims after a run ended because PostgreSQL or Elasticsearch did not
 * answer: its resume (and every other queued run) would fail the same way at once, over and
 * over. The runner reports the outage before it queues the resume; the worker asks `isOpen`
 * before each claim. The service is asked again after 1 s, then after doubling pauses up to
 * HARVEST_OUTAGE_CHECK_MAX_S; claims go on as soon as it answers.
 */
@Injectable()
export class OutageGate {
  private readonly logger = new Logger(OutageGate.name);
  private readonly probes: Record<string, ServiceProbe>;
  private down?: { probe: ServiceProbe; nextCheckAt: number; pauseMs: number };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    elasticsearch: Client,
    dataSource: DataSource,
  ) {
    this.probes = {
      [OUTAGE_CODES.search]: {
        name: 'Elasticsearch',
        answers: async () => isServing(await readClusterStatus(elasticsearch, 2000)),
      },
      [OUTAGE_CODES.database]: {
        name: 'PostgreSQL',
        answers: () =>
          dataSource.query('SELECT 1').then(
            () => true,
            () => false,
          ),
      },
    };
  }

  /** Called with a failed run's code; closes the gate when it names an outage. */
  report(code: string): void {
    const probe = this.probes[code] as ServiceProbe | undefined;
    if (!probe || this.down?.probe === probe) return;
    this.logger.warn(`${probe.name} unavailable: no new runs until it answers again`);
    this.down = { probe, nextCheckAt: Date.now() + FIRST_CHECK_MS, pauseMs: FIRST_CHECK_MS };
  }

  /** True when runs may be claimed: no outage, or the service answers again. */
  async isOpen(): Promise<boolean> {
    const down = this.down;
    if (!down) return true;
    if (Date.now() < down.nextCheckAt) return false;
    if (await down.probe.answers()) {
      this.logger.log(`${down.probe.name} answers again: claiming runs`);
      this.down = undefined;
      return true;
    }
    down.pauseMs = Math.min(down.pauseMs * 2, this.config.harvester.outage.checkMaxMs);
    down.nextCheckAt = Date.now() + down.pauseMs;
    return false;
  }
}
