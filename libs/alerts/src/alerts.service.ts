import { Injectable, Logger } from '@nestjs/common';
import { COMPLETED_STATUSES, HarvestRun, HarvestRunsService } from '@hop-luu/harvest-runs';
import type { QualityReport } from '@hop-luu/quality';
import { isStale, Source, SourceError, SourcesService } from '@hop-luu/sources';
import { AlertNotifierService } from './alert-notifier.service';
import { IncidentsService } from './incidents.service';
import { transitionsOf } from './incident-rules';
import { findQualityDrop, hasRecovered } from './quality-drop';

/**
 * Turns what happens to sources into incidents and their messages: finished runs (the rule in
 * incident-rules.ts), quality reports (quality-drop.ts) and the periodic stale check. Never throws: alerts must not break a run.
 */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    private readonly incidents: IncidentsService,
    private readonly notifier: AlertNotifierService,
    private readonly sources: SourcesService,
    private readonly runs: HarvestRunsService,
  ) {}

  async onRunFinished(run: HarvestRun): Promise<void> {
    const { resolve, open } = transitionsOf(run.status);
    if (resolve.length === 0 && !open) return;
    try {
      const source = await this.sources.get(run.sourceId);
      for (const incident of await this.incidents.resolve(run.sourceId, resolve, run.id))
        await this.notifier.notify(incident, 'resolved', source, run);
      if (!open) return;
      const { incident, opened } = await this.incidents.open({
        sourceId: run.sourceId,
        kind: open,
        runId: run.id,
        errorCode: run.errorCode,
        summary: runSummary(run),
      });
      if (opened) await this.notifier.notify(incident, 'opened', source, run);
    } catch (error) {
      if (error instanceof SourceError) return; // the source was deleted meanwhile
      this.logger.error(
        `[${run.sourceId}] alerts for run ${run.id} failed: ${(error as Error).message}`,
      );
    }
  }

  /** Opens QUALITY_DROP on a sharp fall of a field's share; ends it once that share is back. */
  async onQualityUpdated(
    sourceId: string,
    report: QualityReport,
    previous: QualityReport | null,
  ): Promise<void> {
    try {
      const open = await this.incidents.findOpen(sourceId, 'QUALITY_DROP');
      if (open?.details && hasRecovered(open.details, report)) {
        const [ended] = await this.incidents.resolve(sourceId, ['QUALITY_DROP']);
        if (ended) await this.notifier.notify(ended, 'resolved', await this.sources.get(sourceId));
        return;
      }
      const drop = open ? null : findQualityDrop(report, previous);
      if (!drop) return;
      const { incident, opened } = await this.incidents.open({
        sourceId,
        kind: 'QUALITY_DROP',
        details: drop,
        summary: `share of records with ${drop.field} fell from ${percent(drop.before)} to ${percent(drop.after)}`,
      });
      if (opened) await this.notifier.notify(incident, 'opened', await this.sources.get(sourceId));
    } catch (error) {
      if (error instanceof SourceError) return;
      this.logger.error(`[${sourceId}] quality alert failed: ${(error as Error).message}`);
    }
  }

  /** Opens STALE for sources that turned stale and ends it for those that no longer are. */
  async checkStale(now = new Date()): Promise<void> {
    const stale = new Map<string, { source: Source; lastSuccessAt: Date | null }>();
    for (const { source, lastSuccessAt } of await this.scheduledSources())
      if (isStale(source, lastSuccessAt, now)) stale.set(source.id, { source, lastSuccessAt });
    for (const open of await this.incidents.openOfKind('STALE')) {
      if (stale.delete(open.sourceId)) continue; // still stale, already told
      const [ended] = await this.incidents.resolve(open.sourceId, ['STALE']);
      const source = ended && (await this.sources.get(open.sourceId).catch(() => null));
      if (ended && source) await this.notifier.notify(ended, 'resolved', source);
    }
    for (const { source, lastSuccessAt } of stale.values()) {
      const since = lastSuccessAt ? lastSuccessAt.toISOString() : 'registration';
      const { incident, opened } = await this.incidents.open({
        sourceId: source.id,
        kind: 'STALE',
        summary: `no successful harvest since ${since}, more than twice the schedule "${source.schedule}"`,
      });
      if (opened) await this.notifier.notify(incident, 'opened', source);
    }
  }

  /** Enabled scheduled sources with the end of their newest succeeded or partial run. */
  private async scheduledSources(): Promise<{ source: Source; lastSuccessAt: Date | null }[]> {
    const sources = (await this.sources.list({ enabled: true })).filter((s) => s.schedule);
    if (sources.length === 0) return [];
    const completed = await this.runs.lastRunOf(
      sources.map((s) => s.id),
      COMPLETED_STATUSES,
    );
    const last = new Map(completed.map((run) => [run.sourceId, run.finishedAt]));
    return sources.map((source) => ({ source, lastSuccessAt: last.get(source.id) ?? null }));
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The incident's one line (English, for lists and logs). */
function runSummary(run: HarvestRun): string {
  if (run.status === 'partial')
    return `run ${run.id} ended partial: ${run.recordsFailed} of ${run.recordsSeen} records failed`;
  return `run ${run.id} failed: ${run.errorCode ?? 'unknown error'}${run.errorMessage ? ` — ${run.errorMessage}` : ''}`;
}
