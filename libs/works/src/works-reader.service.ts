import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Membership } from '@hop-luu/work-matching';
import type { TouchedWork } from './work-changes';
import type { UntrustedIdentifier } from './work-decision.entity';
import { WorkStore } from './work-store';

export const MAX_UNTRUSTED_PAGE = 200;

/** Reading the works without changing them: reindex, the gateway's lists. */
@Injectable()
export class WorksReaderService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The stored membership of each record that has one (clustered). */
  async membershipsOf(recordIds: readonly string[]): Promise<Map<string, Membership>> {
    const stored = await new WorkStore(this.dataSource.manager).load(recordIds);
    return new Map(
      [...stored]
        .filter(([, record]) => record.membership.workId !== '')
        .map(([id, record]) => [id, record.membership]),
    );
  }

  /** Members of one work, in id order (empty when there is no such work). */
  async membersOf(workId: string): Promise<string[]> {
    const members = await new WorkStore(this.dataSource.manager).membersOfWorks([workId]);
    return members.get(workId) ?? [];
  }

  /** Every work with its members, in work id order, a batch at a time (memory stays flat). */
  async *streamWorks(batchSize: number): AsyncGenerator<TouchedWork[]> {
    let after = '';
    for (;;) {
      const rows: { work_id: string; members: string[] }[] = await this.dataSource.query(
        `SELECT work_id, array_agg(record_id ORDER BY record_id) AS members FROM work_records
          WHERE work_id > $1 GROUP BY work_id ORDER BY work_id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => ({ workId: row.work_id, memberIds: row.members }));
      after = rows[rows.length - 1].work_id;
    }
  }

  /** Records whose stored profile was built by another PROFILE_VERSION (a re-cluster rebuilds them). */
  async staleProfiles(version: number): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM work_records WHERE profile->>'version' IS DISTINCT FROM $1::text`,
      [String(version)],
    );
    return Number(rows[0].n);
  }

  /** Identifiers seen on records with clearly different titles, most recently seen first. */
  async untrustedIdentifiers(first: number): Promise<UntrustedIdentifier[]> {
    const rows: {
      identifier: string;
      titles: string[];
      record_ids: string[];
      first_seen: Date;
      last_seen: Date;
    }[] = await this.dataSource.query(
      `SELECT identifier, titles, record_ids, first_seen, last_seen FROM untrusted_identifiers
        ORDER BY last_seen DESC, identifier LIMIT $1`,
      [Math.min(Math.max(first, 1), MAX_UNTRUSTED_PAGE)],
    );
    return rows.map((row) => ({
      identifier: row.identifier,
      titles: row.titles,
      recordIds: row.record_ids,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
    }));
  }
}
