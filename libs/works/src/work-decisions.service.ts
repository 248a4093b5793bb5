import { Injectable } from '@nestjs/common';
import { recomputeAround, WorkMatchingService } from './work-matching.service';
import type { WorkChanges } from './work-changes';
import { DecisionCursor, DecisionFilter, DecisionMaker, DecisionStore } from './decision-store';
import type { WorkDecision } from './work-decision.entity';
import { WorkError, WorkErrorCode } from './works.errors';

export const MAX_REASON = 2000;
export const MERGE_LIMITS = { min: 2, max: 20 } as const;
export const MAX_DECISIONS_PAGE = 200;

/** A decision and what applying (or undoing) it did to the works. */
export interface DecisionOutcome {
  readonly decision: WorkDecision;
  readonly changes: WorkChanges;
}

export interface DecisionPage {
  readonly decisions: WorkDecision[];
  readonly next?: DecisionCursor;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Curators' decisions: stored with who, when and why, and applied at once through the same
 * component computation as matching (which reads every active decision, so they are re-applied
 * after every harvest, reindex and re-cluster). Storing and applying are one transaction.
 */
@Injectable()
export class WorkDecisionsService {
  constructor(private readonly matching: WorkMatchingService) {}

  /** `recordId` stands alone from now on (a split record never bridges others either). */
  async split(recordId: string, reason: string, by: DecisionMaker): Promise<DecisionOutcome> {
    const why = checkedReason(reason);
    return this.matching.inLockedTransaction(async (store, db) => {
      if (!(await store.workIdsOf([recordId])).has(recordId))
        throw new WorkError(
          WorkErrorCode.RecordNotFound,
          `No record ${shown(recordId)} is in a work; give the id of a catalogue record (CatalogueRecord.id).`,
        );
      const decision = await new DecisionStore(db).insert('split', [recordId], why, by);
      return { decision, changes: await recomputeAround(store, [recordId]) };
    });
  }

  /** The works become one; recorded by one member of each (their smallest record id). */
  async merge(
    workIds: readonly string[],
    reason: string,
    by: DecisionMaker,
  ): Promise<DecisionOutcome> {
    const why = checkedReason(reason);
    const ids = [...new Set(workIds)];
    if (ids.length < MERGE_LIMITS.min || ids.length > MERGE_LIMITS.max)
      throw new WorkError(
        WorkErrorCode.DecisionInvalid,
        `Give ${MERGE_LIMITS.min} to ${MERGE_LIMITS.max} different work ids to merge (got ${ids.length}).`,
      );
    return this.matching.inLockedTransaction(async (store, db) => {
      const members = await store.membersOfWorks(ids);
      const missing = ids.filter((id) => !members.has(id));
      if (missing.length > 0)
        throw new WorkError(
          WorkErrorCode.WorkNotFound,
          `No work ${missing.map(shown).join(', ')}; give ids of works as search or cluster(id) returns them.`,
        );
      const representatives = ids.map((id) => members.get(id)![0]);
      const decision = await new DecisionStore(db).insert('merge', representatives, why, by);
      return { decision, changes: await recomputeAround(store, representatives) };
    });
  }

  /** The decision stops applying; its records are matched again as if it had never been made. */
  async undo(id: string, by: DecisionMaker): Promise<DecisionOutcome> {
    return this.matching.inLockedTransaction(async (store, db) => {
      const decisions = new DecisionStore(db);
      const found = UUID.test(id) ? await decisions.get(id) : undefined;
      if (!found)
        throw new WorkError(
          WorkErrorCode.DecisionNotFound,
          `No decision ${shown(id)}; workDecisions lists them with their ids.`,
        );
      const undone = await decisions.undo(id, by);
      if (!undone)
        throw new WorkError(
          WorkErrorCode.AlreadyUndone,
          `Decision ${id} was already undone by ${found.undoneByName ?? 'someone'} at ${found.undoneAt?.toISOString()}; nothing changed.`,
        );
      return { decision: undone, changes: await recomputeAround(store, undone.recordIds) };
    });
  }

  async list(filter: DecisionFilter, first: number, after?: DecisionCursor): Promise<DecisionPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DECISIONS_PAGE)
      throw new WorkError(
        WorkErrorCode.DecisionInvalid,
        `first must be 1 to ${MAX_DECISIONS_PAGE} (got ${first}).`,
      );
    return this.matching.readOnly(async (db) => {
      const found = await new DecisionStore(db).list(filter, first + 1, after);
      const decisions = found.slice(0, first);
      const last = decisions.at(-1);
      return {
        decisions,
        next:
          found.length > first && last
            ? { decidedAt: last.decidedAt.toISOString(), id: last.id }
            : undefined,
      };
    });
  }
}

function checkedReason(reason: string): string {
  const why = reason.trim();
  if (why === '' || why.length > MAX_REASON)
    throw new WorkError(
      WorkErrorCode.DecisionInvalid,
      `Say why (a reason of 1 to ${MAX_REASON} characters): it is shown to other curators beside the decision.`,
    );
  return why;
}

function shown(value: string): string {
  return `'${value.slice(0, 80)}'`;
}
