import type { EntityManager } from 'typeorm';
import { LOCK_CLASS } from '@hop-luu/database';
import type { CuratorDecision, MatchProfile, Membership } from '@hop-luu/work-matching';

/** A posting of a blocking key. */
export interface KeyPosting {
  readonly key: string;
  readonly recordId: string;
}

/** A stored record: the profile it is matched by and its membership ('' workId: not clustered yet). */
export interface StoredRecord {
  readonly profile: MatchProfile;
  readonly membership: Membership;
}

interface StoredRow {
  record_id: string;
  work_id: string;
  profile: MatchProfile;
  rule: Membership['rule'];
  facts: string[];
  joined_with: string | null;
  decision_id: string | null;
}

/** An identifier two records share while their titles clearly disagree. */
export interface UntrustedSighting {
  readonly identifier: string;
  readonly titles: string[];
  readonly recordIds: string[];
}

/**
 * Every statement on the works tables, on one transaction's EntityManager. Each method is one
 * query for a whole batch (arrays unnested server-side), never one per record.
 */
export class WorkStore {
  constructor(private readonly db: EntityManager) {}

  /** Serialises every works transaction (harvesters, curators, re-cluster) until commit. */
  async lock(): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_CLASS.works]);
  }

  async workIdsOf(recordIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { record_id: string; work_id: string }[] = await this.db.query(
      `SELECT record_id, work_id FROM work_records WHERE record_id = ANY($1::text[])`,
      [recordIds],
    );
    return new Map(rows.map((row) => [row.record_id, row.work_id]));
  }

  async keysOf(recordIds: readonly string[]): Promise<string[]> {
    const rows: { key: string }[] = await this.db.query(
      `SELECT DISTINCT key FROM work_keys WHERE record_id = ANY($1::text[])`,
      [recordIds],
    );
    return rows.map((row) => row.key);
  }

  /** Postings per key, counted only up to `limit` (a common key costs no more than a rare one). */
  async keyCounts(keys: readonly string[], limit: number): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; n: string }[] = await this.db.query(
      `SELECT k.key, (SELECT count(*) FROM (SELECT 1 FROM work_keys w WHERE w.key = k.key LIMIT $2) s) AS n
         FROM unnest($1::text[]) AS k(key)`,
      [keys, limit],
    );
    return new Map(rows.map((row) => [row.key, Number(row.n)]));
  }

  async postingsOf(keys: readonly string[]): Promise<KeyPosting[]> {
    if (keys.length === 0) return [];
    const rows: { key: string; record_id: string }[] = await this.db.query(
      `SELECT key, record_id FROM work_keys WHERE key = ANY($1::text[])`,
      [keys],
    );
    return rows.map((row) => ({ key: row.key, recordId: row.record_id }));
  }

  /**
   * One step of the search for candidates: every posting of the keys of `recordIds` that are
   * not in `skipKeys` and have at most `maxPostings` postings (a more common key is ignored).
   */
  async usablePostings(
    recordIds: readonly string[],
    skipKeys: readonly string[],
    maxPostings: number,
  ): Promise<KeyPosting[]> {
    const rows: { key: string; record_id: string }[] = await this.db.query(
      `WITH keys AS (
         SELECT DISTINCT key FROM work_keys
          WHERE record_id = ANY($1::text[]) AND NOT (key = ANY($2::text[]))),
       usable AS (
         SELECT key FROM keys
          WHERE (SELECT count(*) FROM (SELECT 1 FROM work_keys w WHERE w.key = keys.key LIMIT $3 + 1) s) <= $3)
       SELECT key, record_id FROM work_keys WHERE key IN (SELECT key FROM usable)`,
      [recordIds, skipKeys, maxPostings],
    );
    return rows.map((row) => ({ key: row.key, recordId: row.record_id }));
  }

  /** Records linked to `recordIds` by an active merge decision (each decision's record list). */
  async mergeLinks(recordIds: readonly string[]): Promise<string[][]> {
    const rows: { record_ids: string[] }[] = await this.db.query(
      `SELECT record_ids FROM work_decisions
        WHERE kind = 'merge' AND undone_at IS NULL AND record_ids && $1::text[]`,
      [recordIds],
    );
    return rows.map((row) => row.record_ids);
  }

  async activeDecisionsFor(recordIds: readonly string[]): Promise<CuratorDecision[]> {
    const rows: { id: string; kind: 'split' | 'merge'; record_ids: string[]; decided_at: Date }[] =
      await this.db.query(
        `SELECT id, kind, record_ids, decided_at FROM work_decisions
          WHERE undone_at IS NULL AND record_ids && $1::text[]
          ORDER BY decided_at, id`,
        [recordIds],
      );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      recordIds: row.record_ids,
      decidedAt: row.decided_at,
    }));
  }

  async load(recordIds: readonly string[]): Promise<Map<string, StoredRecord>> {
    const rows: StoredRow[] = await this.db.query(
      `SELECT record_id, work_id, profile, rule, facts, joined_with, decision_id
         FROM work_records WHERE record_id = ANY($1::text[])`,
      [recordIds],
    );
    return new Map(rows.map((row) => [row.record_id, storedOf(row)]));
  }

  /** Inserts new records (not clustered yet) or replaces the profiles of known ones. */
  async upsertProfiles(profiles: readonly MatchProfile[]): Promise<void> {
    if (profiles.length === 0) return;
    await this.db.query(
      `INSERT INTO work_records (record_id, source_id, work_id, profile, rule)
       SELECT record_id, source_id, '', profile, 'first-record'
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS p(record_id, source_id, profile)
       ON CONFLICT (record_id) DO UPDATE SET profile = excluded.profile, source_id = excluded.source_id`,
      [
        profiles.map((p) => p.recordId),
        profiles.map((p) => p.sourceId),
        profiles.map((p) => JSON.stringify(p)),
      ],
    );
  }

  /** The keys of `recordIds` become exactly `postings`. */
  async replaceKeys(recordIds: readonly string[], postings: readonly KeyPosting[]): Promise<void> {
    if (recordIds.length === 0) return;
    await this.db.query(`DELETE FROM work_keys WHERE record_id = ANY($1::text[])`, [recordIds]);
    if (postings.length === 0) return;
    await this.db.query(
      `INSERT INTO work_keys (key, record_id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [postings.map((p) => p.key), postings.map((p) => p.recordId)],
    );
  }

  async remove(recordIds: readonly string[]): Promise<void> {
    if (recordIds.length === 0) return;
    await this.db.query(`DELETE FROM work_keys WHERE record_id = ANY($1::text[])`, [recordIds]);
    await this.db.query(`DELETE FROM work_records WHERE record_id = ANY($1::text[])`, [recordIds]);
  }

  async writeMemberships(memberships: readonly Membership[]): Promise<void> {
    if (memberships.length === 0) return;
    await this.db.query(
      `UPDATE work_records w SET work_id = m.work_id, rule = m.rule, facts = m.facts,
              joined_with = m.joined_with, decision_id = m.decision_id::uuid, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[])
           AS m(record_id, work_id, rule, facts, joined_with, decision_id)
        WHERE w.record_id = m.record_id`,
      [
        memberships.map((m) => m.recordId),
        memberships.map((m) => m.workId),
        memberships.map((m) => m.rule),
        memberships.map((m) => JSON.stringify(m.facts)),
        memberships.map((m) => m.joinedWith ?? null),
        memberships.map((m) => m.decisionId ?? null),
      ],
    );
  }

  /** Members now of each work (a work with none is not in the map). */
  async membersOfWorks(workIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { work_id: string; record_id: string }[] = await this.db.query(
      `SELECT work_id, record_id FROM work_records WHERE work_id = ANY($1::text[]) ORDER BY record_id`,
      [workIds],
    );
    const members = new Map<string, string[]>();
    for (const row of rows) {
      const list = members.get(row.work_id);
      if (list) list.push(row.record_id);
      else members.set(row.work_id, [row.record_id]);
    }
    return members;
  }

  /** Records not clustered yet (re-cluster), in id order. */
  async unclustered(limit: number): Promise<string[]> {
    const rows: { record_id: string }[] = await this.db.query(
      `SELECT record_id FROM work_records WHERE work_id = '' ORDER BY record_id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.record_id);
  }

  /** Forgets every record and key (re-cluster rebuilds them); decisions and sightings stay. */
  async clearRecords(): Promise<void> {
    await this.db.query('TRUNCATE work_keys, work_records');
  }

  /** Adds the titles and records to each identifier's entry (one statement for the batch). */
  async recordUntrusted(sightings: readonly UntrustedSighting[]): Promise<void> {
    if (sightings.length === 0) return;
    await this.db.query(
      `INSERT INTO untrusted_identifiers AS u (identifier, titles, record_ids)
       SELECT s.identifier,
              ARRAY(SELECT DISTINCT t FROM jsonb_array_elements_text(s.titles) t ORDER BY t),
              ARRAY(SELECT DISTINCT r FROM jsonb_array_elements_text(s.record_ids) r ORDER BY r)
         FROM unnest($1::text[], $2::jsonb[], $3::jsonb[]) AS s(identifier, titles, record_ids)
       ON CONFLICT (identifier) DO UPDATE SET
         titles = ARRAY(SELECT DISTINCT t FROM unnest(u.titles || excluded.titles) t ORDER BY t LIMIT 20),
         record_ids = ARRAY(SELECT DISTINCT r FROM unnest(u.record_ids || excluded.record_ids) r ORDER BY r LIMIT 100),
         last_seen = now()`,
      [
        sightings.map((s) => s.identifier),
        sightings.map((s) => JSON.stringify(s.titles)),
        sightings.map((s) => JSON.stringify(s.recordIds)),
      ],
    );
  }
}

function storedOf(row: StoredRow): StoredRecord {
  return {
    profile: row.profile,
    membership: {
      recordId: row.record_id,
      workId: row.work_id,
      rule: row.rule,
      facts: row.facts,
      ...(row.joined_with ? { joinedWith: row.joined_with } : {}),
      ...(row.decision_id ? { decisionId: row.decision_id } : {}),
    },
  };
}
