import type { EntityManager } from 'typeorm';
import { LOCK_CLASS } from '@hop-luu/database';
import {
  signatureOf,
  twinOf,
  withSignature,
  type CuratorDecision,
  type MatchProfile,
  type Membership,
} from '@hop-luu/work-matching';
import type { OtherPosting } from './candidate-pairs';

/** A posting of a blocking key. */
export interface KeyPosting {
  readonly key: string;
  readonly recordId: string;
  /** The key is one of the record's identifiers ('isbn:…'). */
  readonly identifier: boolean;
  /** The record has at most one key that is not an identifier. */
  readonly weak: boolean;
  /** The record's signatureOf (twins share it). */
  readonly signature: string;
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
  source_id: string;
  work_id: string;
  /** Null for a twin of a record read in the same query (see `load`). */
  profile: MatchProfile | null;
  signature: string;
  rule: Membership['rule'];
  facts: string[];
  joined_with: string | null;
  decision_id: string | null;
}

type MembershipRow = Omit<StoredRow, 'profile' | 'source_id' | 'signature'>;

/** A work whose document is owed; `seq` tells a newer mark from the one that was read. */
export interface WorkMark {
  readonly workId: string;
  readonly seq: string;
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
    const rows: MembershipRow[] = await this.db.query(
      `SELECT record_id, work_id, rule, facts, joined_with, decision_id
         FROM work_records WHERE record_id = ANY($1::text[]) AND work_id <> ''`,
      [recordIds],
    );
    return new Map(rows.map((row) => [row.record_id, membershipOf(row)]));
  }

  /** Memberships of every stored record among `recordIds`, unclustered ones too ('' workId). */
  async storedMemberships(recordIds: readonly string[]): Promise<Map<string, Membership>> {
    if (recordIds.length === 0) return new Map();
    const rows: MembershipRow[] = await this.db.query(
      `SELECT record_id, work_id, rule, facts, joined_with, decision_id
         FROM work_records WHERE record_id = ANY($1::text[])`,
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

  /** Every stored posting of `recordIds`. */
  async postingsOfRecords(recordIds: readonly string[]): Promise<KeyPosting[]> {
    if (recordIds.length === 0) return [];
    const rows: PostingRow[] = await this.db.query(
      `SELECT key, record_id, identifier, weak, signature
         FROM work_keys WHERE record_id = ANY($1::text[])`,
      [recordIds],
    );
    return rows.map((row) => ({ ...postingOf(row), identifier: row.identifier }));
  }

  /**
   * The stored postings of `keys` (but those of `except`) that can make a candidate (see
   * candidatePairsOf): every posting of a key in `whole` (identifiers, and the keys of weak
   * subjects), weak records' postings, and every posting of a record that posts two of
   * `keys` or more. A record sharing one ordinary key with a subject cannot be its candidate,
   * and a common title key has many of those, so they are left in the database.
   */
  async postingsOfKeys(
    keys: readonly string[],
    except: readonly string[],
    whole: readonly string[],
  ): Promise<OtherPosting[]> {
    if (keys.length === 0) return [];
    const rows: PostingRow[] = await this.db.query(
      `WITH p AS (
         SELECT key, record_id, weak, signature FROM work_keys
          WHERE key = ANY($1::text[]) AND NOT record_id = ANY($2::text[]))
       SELECT * FROM p
        WHERE p.key = ANY($3::text[]) OR p.weak
           OR p.record_id IN (SELECT record_id FROM p GROUP BY record_id HAVING count(*) >= 2)`,
      [keys, except, whole],
    );
    return rows.map(postingOf);
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
   * The links of `recordIds`, either way (`a` the record asked for, `b` the other). A link is
   * owned by the record whose judgement made it (the stored `a`) and connects both.
   */
  async linksOf(recordIds: readonly string[]): Promise<CandidatePair[]> {
    if (recordIds.length === 0) return [];
    return this.db.query(
      `SELECT a, b FROM work_links WHERE a = ANY($1::text[])
       UNION ALL SELECT b AS a, a AS b FROM work_links WHERE b = ANY($1::text[])`,
      [recordIds],
    );
  }

  /** Forgets the links `recordIds` made (their judgements), not the links made to them. */
  async unlinkOwned(recordIds: readonly string[]): Promise<void> {
    if (recordIds.length === 0) return;
    await this.db.query(`DELETE FROM work_links WHERE a = ANY($1::text[])`, [recordIds]);
  }

  /** Forgets the links others made to `recordIds`; returns who made them (to judge again). */
  async unlinkIncoming(recordIds: readonly string[]): Promise<string[]> {
    if (recordIds.length === 0) return [];
    // TypeORM answers a DELETE with [rows, count].
    const [rows]: [{ a: string }[], number] = await this.db.query(
      `DELETE FROM work_links WHERE b = ANY($1::text[]) RETURNING a`,
      [recordIds],
    );
    return [...new Set(rows.map((row) => row.a))];
  }

  /** Stores matching pairs, each owned by its `a`. */
  async link(pairs: readonly CandidatePair[]): Promise<void> {
    if (pairs.length === 0) return;
    await this.db.query(
      `INSERT INTO work_links (a, b) SELECT * FROM unnest($1::text[], $2::text[])
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

  /**
   * Stored records of `recordIds`. One profile per signature is read; its twins' profiles are
   * the same with their own ids (a popular edition's hundreds of copies are read as one).
   */
  async load(recordIds: readonly string[]): Promise<Map<string, StoredRecord>> {
    if (recordIds.length === 0) return new Map();
    const rows: StoredRow[] = await this.db.query(
      `SELECT record_id, source_id, work_id, signature, rule, facts, joined_with, decision_id,
              CASE WHEN row_number() OVER (PARTITION BY signature ORDER BY record_id) = 1
                   THEN profile END AS profile
         FROM work_records WHERE record_id = ANY($1::text[])`,
      [recordIds],
    );
    const bySignature = new Map<string, MatchProfile>();
    for (const row of rows)
      if (row.profile) bySignature.set(row.signature, withSignature(row.profile, row.signature));
    return new Map(
      rows.map((row) => {
        const profile =
          row.profile ?? twinOf(bySignature.get(row.signature)!, row.record_id, row.source_id);
        return [row.record_id, { profile, membership: membershipOf(row) }];
      }),
    );
  }

  /** Inserts new records (not clustered yet) or replaces the profiles of known ones. */
  async upsertProfiles(profiles: readonly MatchProfile[]): Promise<void> {
    if (profiles.length === 0) return;
    await this.db.query(
      `INSERT INTO work_records (record_id, source_id, work_id, profile, signature, rule)
       SELECT record_id, source_id, '', profile, signature, 'first-record'
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[])
           AS p(record_id, source_id, profile, signature)
       ON CONFLICT (record_id) DO UPDATE SET profile = excluded.profile,
         source_id = excluded.source_id, signature = excluded.signature`,
      [
        profiles.map((p) => p.recordId),
        profiles.map((p) => p.sourceId),
        profiles.map((p) => JSON.stringify(p)),
        profiles.map(signatureOf),
      ],
    );
  }

  /**
   * Inserts or replaces whole records: profile and membership in one write (a matched
   * harvest batch, whose memberships were computed before its rows were stored).
   */
  async saveRecords(
    profiles: readonly MatchProfile[],
    memberships: ReadonlyMap<string, Membership>,
  ): Promise<void> {
    if (profiles.length === 0) return;
    const of = (p: MatchProfile) => memberships.get(p.recordId);
    await this.db.query(
      `INSERT INTO work_records (record_id, source_id, profile, signature, work_id, rule, facts,
                                 joined_with, decision_id)
       SELECT record_id, source_id, profile, signature, work_id, rule, facts, joined_with,
              decision_id::uuid
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $9::text[], $4::text[], $5::text[],
                     $6::jsonb[], $7::text[], $8::text[])
           AS r(record_id, source_id, profile, signature, work_id, rule, facts, joined_with,
                decision_id)
       ON CONFLICT (record_id) DO UPDATE SET
         source_id = excluded.source_id, profile = excluded.profile,
         signature = excluded.signature, work_id = excluded.work_id,
         rule = excluded.rule, facts = excluded.facts, joined_with = excluded.joined_with,
         decision_id = excluded.decision_id, updated_at = now(), unpublished = false`,
      [
        profiles.map((p) => p.recordId),
        profiles.map((p) => p.sourceId),
        profiles.map((p) => JSON.stringify(p)),
        profiles.map((p) => of(p)?.workId ?? ''),
        profiles.map((p) => of(p)?.rule ?? 'first-record'),
        profiles.map((p) => JSON.stringify(of(p)?.facts ?? [])),
        profiles.map((p) => of(p)?.joinedWith ?? null),
        profiles.map((p) => of(p)?.decisionId ?? null),
        profiles.map(signatureOf),
      ],
    );
  }

  /** The keys of `recordIds` become exactly `postings`; the key counts follow. */
  async replaceKeys(recordIds: readonly string[], postings: readonly KeyPosting[]): Promise<void> {
    await this.deleteKeys(recordIds);
    if (postings.length === 0) return;
    await this.db.query(
      `WITH added AS (
         INSERT INTO work_keys (key, record_id, identifier, weak, signature)
         SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::boolean[], $5::text[])
         ON CONFLICT DO NOTHING RETURNING key)
       INSERT INTO work_key_counts AS c (key, postings)
       SELECT key, count(*) FROM added GROUP BY key
       ON CONFLICT (key) DO UPDATE SET postings = c.postings + excluded.postings`,
      [
        postings.map((p) => p.key),
        postings.map((p) => p.recordId),
        postings.map((p) => p.identifier),
        postings.map((p) => p.weak),
        postings.map((p) => p.signature),
      ],
    );
  }

  async remove(recordIds: readonly string[]): Promise<void> {
    if (recordIds.length === 0) return;
    await this.deleteKeys(recordIds);
    await this.unlinkOwned(recordIds);
    await this.unlinkIncoming(recordIds);
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

  /**
   * Writes memberships of stored records; `unpublished`: their documents do not say so yet
   * (cleared by `published` once they do).
   */
  async writeMemberships(memberships: readonly Membership[], unpublished: boolean): Promise<void> {
    if (memberships.length === 0) return;
    await this.db.query(
      `UPDATE work_records w SET work_id = m.work_id, rule = m.rule, facts = m.facts,
              joined_with = m.joined_with, decision_id = m.decision_id::uuid, updated_at = now(),
              unpublished = $7
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
        unpublished,
      ],
    );
  }

  /**
   * Records whose documents now say their work: unmarked unless they moved again since. Runs
   * outside the works lock, beside a matching transaction that may be writing the same rows in
   * another order: a row it holds is skipped, not waited for (waiting both ways is a deadlock),
   * and stays marked, so it is written again later; that is one document too many, never one
   * too few.
   */
  async published(memberships: readonly Membership[]): Promise<void> {
    if (memberships.length === 0) return;
    await this.db.query(
      `WITH free AS (
         SELECT w.record_id FROM work_records w
           JOIN unnest($1::text[], $2::text[]) AS m(record_id, work_id)
             ON w.record_id = m.record_id AND w.work_id = m.work_id
          WHERE w.unpublished
            FOR UPDATE OF w SKIP LOCKED)
       UPDATE work_records w SET unpublished = false FROM free WHERE w.record_id = free.record_id`,
      [memberships.map((m) => m.recordId), memberships.map((m) => m.workId)],
    );
  }

  /** Some records whose documents do not say their work yet. */
  async unpublishedRecords(limit: number): Promise<string[]> {
    const rows: { record_id: string }[] = await this.db.query(
      `SELECT record_id FROM work_records WHERE unpublished ORDER BY record_id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.record_id);
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
    await this.db.query(
      'TRUNCATE work_keys, work_key_counts, work_links, work_records, works_to_publish',
    );
  }

  /** Marks works whose documents are owed (again: a newer mark replaces the older). */
  async markWorks(workIds: readonly string[]): Promise<WorkMark[]> {
    if (workIds.length === 0) return [];
    const rows: { work_id: string; seq: string }[] = await this.db.query(
      `INSERT INTO works_to_publish (work_id) SELECT * FROM unnest($1::text[])
       ON CONFLICT (work_id) DO UPDATE SET seq = nextval('works_to_publish_seq')
       RETURNING work_id, seq`,
      [[...new Set(workIds)].sort()],
    );
    return rows.map((row) => ({ workId: row.work_id, seq: row.seq }));
  }

  /** Some works whose documents are owed, oldest marks first. */
  async markedWorks(limit: number): Promise<WorkMark[]> {
    const rows: { work_id: string; seq: string }[] = await this.db.query(
      `SELECT work_id, seq FROM works_to_publish ORDER BY seq LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ workId: row.work_id, seq: row.seq }));
  }

  /**
   * Forgets marks whose works were written; a work marked again since keeps its newer mark. A
   * mark a matching transaction holds is being marked again: it is skipped, as `published`
   * skips rows, rather than waited for.
   */
  async forgetMarks(works: readonly WorkMark[]): Promise<void> {
    if (works.length === 0) return;
    await this.db.query(
      `WITH free AS (
         SELECT w.work_id FROM works_to_publish w
           JOIN unnest($1::text[], $2::bigint[]) AS d(work_id, seq)
             ON w.work_id = d.work_id AND w.seq = d.seq
            FOR UPDATE OF w SKIP LOCKED)
       DELETE FROM works_to_publish w USING free WHERE w.work_id = free.work_id`,
      [works.map((w) => w.workId), works.map((w) => w.seq)],
    );
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

interface PostingRow {
  key: string;
  record_id: string;
  identifier: boolean;
  weak: boolean;
  signature: string;
}

function postingOf(row: PostingRow): OtherPosting {
  return { key: row.key, recordId: row.record_id, weak: row.weak, signature: row.signature };
}

function membershipOf(row: MembershipRow): Membership {
  return {
    recordId: row.record_id,
    workId: row.work_id,
    rule: row.rule,
    facts: row.facts,
    ...(row.joined_with ? { joinedWith: row.joined_with } : {}),
    ...(row.decision_id ? { decisionId: row.decision_id } : {}),
  };
}
