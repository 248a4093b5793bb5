/** The work-curation part of the GraphQL API the console uses (issue 16: split, merge, undo). */

export const DECISION_FIELDS = `id kind recordIds reason decidedBy decidedAt undoneAt undoneBy`;

export const SPLIT = `mutation ConsoleSplit($recordId: ID!, $reason: String!) {
  splitRecordFromWork(recordId: $recordId, reason: $reason) { ${DECISION_FIELDS} }
}`;

export const MERGE = `mutation ConsoleMerge($workIds: [ID!]!, $reason: String!) {
  mergeWorks(workIds: $workIds, reason: $reason) { ${DECISION_FIELDS} }
}`;

export const UNDO = `mutation ConsoleUndo($id: ID!) {
  undoWorkDecision(id: $id) { ${DECISION_FIELDS} }
}`;

/** Where a record sits now: after a split or merge the work's id can change (it follows its members). */
export const WORK_OF_RECORD = `query ConsoleWorkOfRecord($id: ID!) { record(id: $id) { id work { id } } }`;

export interface WorkDecision {
  id: string;
  kind: 'SPLIT' | 'MERGE';
  recordIds: string[];
  reason: string;
  decidedBy: string;
  decidedAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}
