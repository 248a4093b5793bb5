import type { EntityManager } from 'typeorm';
import { LOCK_CLASS } from '@hop-luu/database';
import type { CuratorDecision, MatchProfile, Membership } from '@hop-luu/work-matching';

/** A posting of a blocking key. */
export interface KeyPosting {
  readonly key: string;
  readonly recordId: string;
  /** The key is one of the record's identifiers ('isbn:…'). */
  readonly identifier: boolean;
  /** The record has at most one key that is not an identifier. */
  readonly weak: boolean;
}

/** Two records that are candidates of each other (see README, candidates). */
export interface CandidatePair {
  readonly a: string;
  readonly b: string;
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

  /** Serialises index writes of works (see README, concurrency rule); not the matching lock. */
  async lockPublishing(): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_CLASS.worksPublish]);
  }

  /** Memberships of the clustered records among `recordIds` (no profiles). */
  async membershipsOf(recordIds: readonly string[]): Promise<Map<string, Membership>> {
    const rows: Omit<StoredRow, 'profile'>[] = await this.db.query(
      `SELECT record_id, work_id, rule, facts, joined_with, decision_id
         FROM work_records WHERE record_id = ANY($1::text[]) AND work_id <> ''`,
      [recordIds],
    );
    return new Map(rows.map((row) => [row.record_id, membershipOf(row)]));
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

  /** Postings per key (a key nobody posts is absent). */
  async keyCounts(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; postings: number }[] = await this.db.query(
      `SELECT key, postings FROM work_key_counts WHERE key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row.postings]));
  }

  async postingsOf(keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows: { record_id: string }[] = await this.db.query(
      `SELECT DISTINCT record_id FROM work_keys WHERE key = ANY($1::text[])`,
      [keys],
    );
    return rows.map((row) => row.record_id);
  }

  /**
   * The candidates of `recordIds` as their stored keys find them: records sharing an
   * identifier, or two keys, or one key when either side is weak; keys with more than
   * `maxPostings` postings ignored. One query for the whole frontier; the pairing is done
   * by PostgreSQL, so only candidates come back, not every posting.
   */
  async candidatePairs(
    recordIds: readonly string[],
    maxPostings: number,
  ): Promise<CandidatePair[]> {
    if (recordIds.length === 0) return [];
    const rows: { a: string; b: string }[] = await this.db.query(
      // Per posting index lookups (OFFSET 0 keeps the planner from turning them into scans of
      // the whole table, which grow with the catalogue while a frontier does not).
      `SELECT m.record_id AS a, o.record_id AS b
         FROM work_keys m
         CROSS JOIN LATERAL (
           SELECT w.record_id, w.weak FROM work_keys w
            WHERE w.key = m.key AND w.record_id <> m.record_id OFFSET 0) o
        WHERE m.record_id = ANY($1::text[])
          AND (SELECT c.postings FROM work_key_counts c WHERE c.key = m.key) <= $2
        GROUP BY m.record_id, o.record_id
       HAVING bool_or(m.identifier) OR count(*) >= 2 OR bool_or(m.weak) OR bool_or(o.weak)`,
      [recordIds, maxPostings],
    );
    return rows;
  }

  /** Records that match any of `recordIds` (stored links). */
  async linksOf(recordIds: readonly string[]): Promise<CandidatePair[]> {
    if (recordIds.length === 0) return [];
    return this.db.query(`SELECT a, b FROM work_links WHERE a = ANY($1::text[])`, [recordIds]);
  }

  /** Forgets every link of `recordIds`, both ways. */
  async unlink(recordIds: readonly string[]): Promise<void> {
    if (recordIds.length === 0) return;
    // Links are stored both ways, so both rows are found through the primary key's `a`.
    await this.db.query(
      `DELETE FROM work_links WHERE (a, b) IN (
         SELECT a, b FROM work_links WHERE a = ANY($1::text[])
         UNION ALL SELECT b, a FROM work_links WHERE a = ANY($1::text[]))`,
      [recordIds],
    );
  }

  /** Stores matching pairs, both ways. */
  async link(pairs: readonly CandidatePair[]): Promise<void> {
    if (pairs.length === 0) return;
    await this.db.query(
      `INSERT INTO work_links (a, b)
       SELECT * FROM unnest($1::text[], $2::text[]) UNION SELECT * FROM unnest($2::text[], $1::text[])
       ON CONFLICT DO NOTHING`,
      [pairs.map((p) => p.a), pairs.map((p) => p.b)],
    );
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

  /** The keys of `recordIds` become exactly `postings`; the key counts follow. */
  async replaceKeys(recordIds: readonly string[], postings: readonly KeyPosting[]): Promise<void> {
    await this.deleteKeys(recordIds);
    if (postings.length === 0) return;
    await this.db.query(
      `WITH added AS (
         INSERT INTO work_keys (key, record_id, identifier, weak)
         SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::boolean[])
         ON CONFLICT DO NOTHING RETURNING key)
       INSERT INTO work_key_counts AS c (key, postings)
       SELECT key, count(*) FROM added GROUP BY key
       ON CONFLICT (key) DO UPDATE SET postings = c.postings + excluded.postings`,
      [
        postings.map((p) => p.key),
        postings.map((p) => p.recordId),
        postings.map((p) => p.identifier),
        postings.map((p) => p.weak),
      ],
    );
  }

  async remove(recordIds: readonly string[]): Promise<void> {
    if (recordIds.length === 0) return;
    await this.deleteKeys(recordIds);
    await this.unlink(recordIds);
    await this.db.query(`DELETE FROM work_records WHERE record_id = ANY($1::text[])`, [recordIds]);
  }

  private async deleteKeys(recordIds: readonly string[]): Promise<void> {
    if (recordIds.length === 0) return;
    await this.db.query(
      `WITH gone AS (DELETE FROM work_keys WHERE record_id = ANY($1::text[]) RETURNING key)
       UPDATE work_key_counts c SET postings = c.postings - g.n
         FROM (SELECT key, count(*) AS n FROM gone GROUP BY key) g WHERE c.key = g.key`,
      [recordIds],
    );
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

  /** Some records of a source, in id order. */
  async recordsOfSource(sourceId: string, limit: number): Promise<string[]> {
    const rows: { record_id: string }[] = await this.db.query(
      `SELECT record_id FROM work_records WHERE source_id = $1 ORDER BY record_id LIMIT $2`,
      [sourceId, limit],
    );
    return rows.map((row) => row.record_id);
  }

  /** Record ids after `after`, in id order (re-cluster). */
  async idsAfter(after: string, limit: number): Promise<string[]> {
    const rows: { record_id: string }[] = await this.db.query(
      `SELECT record_id FROM work_records WHERE record_id > $1 ORDER BY record_id LIMIT $2`,
      [after, limit],
    );
    return rows.map((row) => row.record_id);
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
    await this.db.query('TRUNCATE work_keys, work_key_counts, work_links, work_records');
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
  return { profile: row.profile, membership: membershipOf(row) };
}

function membershipOf(row: Omit<StoredRow, 'profile'>): Membership {
  return {
    recordId: row.record_id,
    workId: row.work_id,
    rule: row.rule,
    facts: row.facts,
    ...(row.joined_with ? { joinedWith: row.joined_with } : {}),
    ...(row.decision_id ? { decisionId: row.decision_id } : {}),
  };
}
