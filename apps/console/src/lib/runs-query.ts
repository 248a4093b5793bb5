/** Harvest runs as the console lists them; the contract's live figures first. */
export interface RunRow {
  id: string;
  sourceId: string;
  sourceName?: string | null;
  status: string;
  mode: string;
  trigger: string;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  pages: number;
  recordsSeen: number;
  recordsIndexed: number;
  recordsFailed: number;
  errorCode: string | null;
  completeListSize?: number | null;
  recordsPerSecond?: number | null;
  estimatedSecondsLeft?: number | null;
}

const BASE = `id sourceId status mode trigger queuedAt startedAt finishedAt pages recordsSeen
  recordsIndexed recordsFailed errorCode`;
const LIVE = `sourceName completeListSize recordsPerSecond estimatedSecondsLeft`;

export const RUN_LIST_FIELDS = `${BASE} ${LIVE}`;
export const RUN_LIST_FIELDS_BASIC = BASE;

export interface RunPageData {
  harvestRuns: { runs: RunRow[]; endCursor: string | null };
}

/** Queued and running runs, for the live list (the contract's `statuses` filter). */
export const LIVE_RUNS = `query ConsoleLiveRuns($sourceId: String) {
  harvestRuns(filter: { statuses: ["queued", "running"], sourceId: $sourceId }, first: 100) {
    runs { ${RUN_LIST_FIELDS} } endCursor
  }
}`;
/** Before `statuses` exists: the running runs only. */
export const LIVE_RUNS_BASIC = `query ConsoleLiveRunsBasic($sourceId: String) {
  harvestRuns(filter: { status: "running", sourceId: $sourceId }, first: 100) {
    runs { ${RUN_LIST_FIELDS_BASIC} } endCursor
  }
}`;

export const RECENT_RUNS = `query ConsoleRuns($sourceId: String, $status: String, $after: String) {
  harvestRuns(filter: { sourceId: $sourceId, status: $status }, first: 50, after: $after) {
    runs { ${RUN_LIST_FIELDS} } endCursor
  }
}`;
export const RECENT_RUNS_BASIC = `query ConsoleRunsBasic($sourceId: String, $status: String, $after: String) {
  harvestRuns(filter: { sourceId: $sourceId, status: $status }, first: 50, after: $after) {
    runs { ${RUN_LIST_FIELDS_BASIC} } endCursor
  }
}`;
