import type { EntityManager } from 'typeorm';
import type { WorkDecision, WorkDecisionKind } from './work-decision.entity';

/** Who made or undid a decision: the signed-in person (id and name), or a staff key's name. */
export interface DecisionMaker {
  readonly personId: string | null;
  readonly name: string;
}

export interface DecisionFilter {
  readonly workId?: string;
  readonly recordId?: string;
}

/** Where a page of decisions ends: the last one's time and id (newest first). */
export interface DecisionCursor {
  readonly decidedAt: string;
  readonly id: string;
}

interface DecisionRow {
  id: string;
  kind: WorkDecisionKind;
  record_ids: string[];
  reason: string;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: Date;
  undone_at: Date | null;
  undone_by_name: string | null;
}

const COLUMNS = `id, kind, record_ids, reason, decided_by, decided_by_name, decided_at, undone_at, undone_by_name`;

/** Every statement on work_decisions. */
export class DecisionStore {
  constructor(private readonly db: EntityManager) {}

  async insert(
    kind: WorkDecisionKind,
    recordIds: readonly string[],
    reason: string,
    by: DecisionMaker,
  ): Promise<WorkDecision> {
    const rows: DecisionRow[] = await this.db.query(
      `INSERT INTO work_decisions (kind, record_ids, reason, decided_by, decided_by_name, decided_at)
       VALUES ($1, $2::text[], $3, $4::uuid, $5, date_trunc('milliseconds', clock_timestamp())) RETURNING ${COLUMNS}`,
      [kind, recordIds, reason, by.personId, by.name],
    );
    return decisionOf(rows[0]);
  }

  async get(id: string): Promise<WorkDecision | undefined> {
    const rows: DecisionRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM work_decisions WHERE id = $1::uuid`,
      [id],
    );
    return rows[0] && decisionOf(rows[0]);
  }

  /** Marks it undone unless it already was; undefined when it was. */
  async undo(id: string, by: DecisionMaker): Promise<WorkDecision | undefined> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [DecisionRow[], number] = await this.db.query(
      `UPDATE work_decisions SET undone_at = clock_timestamp(), undone_by_name = $2
        WHERE id = $1::uuid AND undone_at IS NULL RETURNING ${COLUMNS}`,
      [id, by.name],
    );
    return rows[0] && decisionOf(rows[0]);
  }

  /** Newest first, `limit` after `after`; a work's decisions are those naming any member now. */
  async list(
    filter: DecisionFilter,
    limit: number,
    after?: DecisionCursor,
  ): Promise<WorkDecision[]> {
    const rows: DecisionRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM work_decisions
        WHERE ($1::text IS NULL OR record_ids && ARRAY(SELECT record_id FROM work_records WHERE work_id = $1))
          AND ($2::text IS NULL OR $2 = ANY(record_ids))
          AND ($3::timestamptz IS NULL OR (decided_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY decided_at DESC, id DESC LIMIT $5`,
      [
        filter.workId ?? null,
        filter.recordId ?? null,
        after?.decidedAt ?? null,
        after?.id ?? null,
        limit,
      ],
    );
    return rows.map(decisionOf);
  }
}

function decisionOf(row: DecisionRow): WorkDecision {
  return {
    id: row.id,
    kind: row.kind,
    recordIds: row.record_ids,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    undoneAt: row.undone_at,
    undoneByName: row.undone_by_name,
  };
}
