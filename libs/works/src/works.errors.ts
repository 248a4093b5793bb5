import { DomainError } from '@hop-luu/domain-error';

/** What a curator's decision can be refused for; each message says what to do instead. */
export enum WorkErrorCode {
  RecordNotFound = 'WORK_RECORD_NOT_FOUND',
  WorkNotFound = 'WORK_NOT_FOUND',
  DecisionNotFound = 'WORK_DECISION_NOT_FOUND',
  DecisionInvalid = 'WORK_DECISION_INVALID',
  AlreadyUndone = 'WORK_DECISION_ALREADY_UNDONE',
}

export class WorkError extends DomainError<WorkErrorCode> {}
