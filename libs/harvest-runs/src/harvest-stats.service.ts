import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HarvestRun, RunStatus } from './harvest-run.entity';

/** Days are counted in Vietnam's time, as the console shows them. */
export const CONSOLE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Most runs a duration chart gets: the newest ones of the window. */
export const MAX_DURATIONS = 500;

export interface DayRecords {
  readonly day: string;
  readonly records: number;
}
export interface RunDuration {
  readonly runId: string;
  readonly sourceId: string;
  readonly finishedAt: Date;
  readonly seconds: number;
  readonly status: RunStatus;
}
export interface CodeCount {
  readonly code: string;
  readonly count: number;
}

/** The SQL filter "these sources" ($1; null means every source), shared by every query here. */
const IN_SCOPE = '($1::text[] IS NULL OR source_id = ANY($1::text[]))';
/** Midnight today, in the console's time zone, as an instant. */
const TODAY = `date_trunc('day', now() AT TIME ZONE '${CONSOLE_TIME_ZONE}') AT TIME ZONE '${CONSOLE_TIME_ZONE}'`;
/** Midnight at the start of a window of $2 days ending today. */
const WINDOW_START = `(${TODAY}) - make_interval(days => $2::int - 1)`;

/**
 * Figures over harvest runs for the console's charts, straight from harvest_runs (indexed by
 * finished_at and queued_at). `sourceIds` null means every source.
 */
@Injectable()
export class HarvestStatsService {
  constructor(@InjectRepository(HarvestRun) private readonly runs: Repository<HarvestRun>) {}

  /** Runs queued since midnight (Asia/Ho_Chi_Minh). */
  async runsToday(sourceIds: readonly string[] | null): Promise<number> {
    const [row] = await this.runs.query(
      `SELECT count(*)::int AS count FROM harvest_runs WHERE ${IN_SCOPE} AND queued_at >= ${TODAY}`,
      [sourceIds],
    );
    return (row as { count: number }).count;
  }

  /** Records received per day by runs that ended that day, every day of the window (0 included). */
  async recordsPerDay(sourceIds: readonly string[] | null, days: number): Promise<DayRecords[]> {
    const rows: { day: string; records: number }[] = await this.runs.query(
      `WITH ended AS (
         SELECT (finished_at AT TIME ZONE '${CONSOLE_TIME_ZONE}')::date AS day, records_seen
         FROM harvest_runs WHERE ${IN_SCOPE} AND finished_at >= ${WINDOW_START}
       ), window_days AS (
         SELECT generate_series(0, $2::int - 1) AS back
       )
       SELECT to_char((now() AT TIME ZONE '${CONSOLE_TIME_ZONE}')::date - back, 'YYYY-MM-DD') AS day,
              COALESCE((SELECT sum(records_seen) FROM ended
                        WHERE ended.day = (now() AT TIME ZONE '${CONSOLE_TIME_ZONE}')::date - back), 0)::bigint AS records
       FROM window_days ORDER BY day`,
      [sourceIds, days],
    );
    return rows.map((row) => ({ day: row.day, records: Number(row.records) }));
  }

  /** How long the newest runs of the window took, oldest first. */
  async runDurations(sourceIds: readonly string[] | null, days: number): Promise<RunDuration[]> {
    const rows: {
      id: string;
      source_id: string;
      finished_at: Date;
      seconds: number;
      status: RunStatus;
    }[] = await this.runs.query(
      `SELECT * FROM (
         SELECT id, source_id, finished_at, status,
                extract(epoch FROM finished_at - started_at)::float8 AS seconds
         FROM harvest_runs
         WHERE ${IN_SCOPE} AND finished_at >= ${WINDOW_START} AND started_at IS NOT NULL
         ORDER BY finished_at DESC LIMIT ${MAX_DURATIONS}
       ) newest ORDER BY finished_at`,
      [sourceIds, days],
    );
    return rows.map((row) => ({
      runId: row.id,
      sourceId: row.source_id,
      finishedAt: row.finished_at,
      seconds: row.seconds,
      status: row.status,
    }));
  }

  /** Failed runs of the window by their error code, most frequent first. */
  async failuresByCode(sourceIds: readonly string[] | null, days: number): Promise<CodeCount[]> {
    const rows: CodeCount[] = await this.runs.query(
      `SELECT COALESCE(error_code, 'UNKNOWN') AS code, count(*)::int AS count
       FROM harvest_runs
       WHERE ${IN_SCOPE} AND status = 'failed' AND finished_at >= ${WINDOW_START}
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      [sourceIds, days],
    );
    return rows;
  }
}
