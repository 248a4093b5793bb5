import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { AlertIncident, IncidentKind } from './alert-incident.entity';
import type { QualityDrop } from './quality-drop';

export interface OpenIncident {
  readonly sourceId: string;
  readonly kind: IncidentKind;
  readonly runId?: string;
  readonly errorCode?: string | null;
  readonly summary: string;
  readonly details?: QualityDrop;
}

export interface IncidentFilter {
  readonly sourceId?: string;
  /** Restricts to these sources (a partner sees only its own). */
  readonly sourceIds?: readonly string[];
  /** true: open only; false: resolved only. */
  readonly open?: boolean;
}

/**
 * Incidents in PostgreSQL. Opening and resolving are single statements guarded by the partial
 * unique index, so of two replicas (or two runs) only one opens or resolves an incident, and
 * only that one sends its message.
 */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectRepository(AlertIncident) private readonly incidents: Repository<AlertIncident>,
  ) {}

  /** Opens the incident, or, when one of that kind is open, only records the run. */
  async open(input: OpenIncident): Promise<{ incident: AlertIncident; opened: boolean }> {
    const inserted = await this.incidents
      .createQueryBuilder()
      .insert()
      .values({
        sourceId: input.sourceId,
        kind: input.kind,
        openedAt: () => 'now()',
        firstRunId: input.runId ?? null,
        lastRunId: input.runId ?? null,
        errorCode: input.errorCode ?? null,
        summary: input.summary,
        details: input.details ?? null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (id) return { incident: await this.incidents.findOneByOrFail({ id }), opened: true };
    const where = { sourceId: input.sourceId, kind: input.kind, resolvedAt: IsNull() };
    if (input.runId) await this.incidents.update(where, { lastRunId: input.runId });
    return { incident: await this.incidents.findOneByOrFail(where), opened: false };
  }

  /** Resolves the open incidents of these kinds; returns those this call resolved. */
  async resolve(
    sourceId: string,
    kinds: readonly IncidentKind[],
    runId?: string,
  ): Promise<AlertIncident[]> {
    if (kinds.length === 0) return [];
    const updated = await this.incidents
      .createQueryBuilder()
      .update()
      .set({ resolvedAt: () => 'now()', resolvedByRunId: runId ?? null })
      .where('source_id = :sourceId AND kind IN (:...kinds) AND resolved_at IS NULL', {
        sourceId,
        kinds,
      })
      .returning(['id'])
      .execute();
    const ids = (updated.raw as { id: string }[]).map((row) => row.id);
    return ids.length ? this.incidents.findBy({ id: In(ids) }) : [];
  }

  async markNotified(id: string, event: 'opened' | 'resolved'): Promise<void> {
    const column = event === 'opened' ? 'notifiedAt' : 'recoveryNotifiedAt';
    await this.incidents.update({ id }, { [column]: new Date() });
  }

  /** The open incident of one kind of a source, if any. */
  findOpen(sourceId: string, kind: IncidentKind): Promise<AlertIncident | null> {
    return this.incidents.findOneBy({ sourceId, kind, resolvedAt: IsNull() });
  }

  /** Open incidents of one kind, every source (the stale check). */
  openOfKind(kind: IncidentKind): Promise<AlertIncident[]> {
    return this.incidents.findBy({ kind, resolvedAt: IsNull() });
  }

  /** Newest first. */
  list(filter: IncidentFilter, limit = 200): Promise<AlertIncident[]> {
    const query = this.incidents
      .createQueryBuilder('incident')
      .orderBy('incident.opened_at', 'DESC')
      .take(limit);
    if (filter.sourceId) query.andWhere('incident.source_id = :sourceId', filter);
    if (filter.sourceIds)
      query.andWhere('incident.source_id = ANY(:sourceIds)', { sourceIds: [...filter.sourceIds] });
    if (filter.open === true) query.andWhere('incident.resolved_at IS NULL');
    if (filter.open === false) query.andWhere('incident.resolved_at IS NOT NULL');
    return query.getMany();
  }

  /** Incidents opened or resolved since `since` (the daily digest). */
  changedSince(since: Date): Promise<AlertIncident[]> {
    return this.incidents
      .createQueryBuilder('incident')
      .where('incident.opened_at >= :since OR incident.resolved_at >= :since', { since })
      .orderBy('incident.opened_at', 'ASC')
      .getMany();
  }
}
