import type { WorkFacts } from '@hop-luu/search-index';
import type { Membership } from '@hop-luu/work-matching';
import type { WorkMark } from './work-store';

/** What one matching transaction did to the works; the apps apply it to both indexes. */
export interface WorkChanges {
  /** Membership of every record in the batch (by recordId). */
  readonly memberships: ReadonlyMap<string, Membership>;
  /** Records outside the batch whose membership changed (their documents' `work` must be updated). */
  readonly moved: readonly Membership[];
  /** Every work touched (old and new ids), with its members now (empty: the work is gone). */
  readonly works: readonly TouchedWork[];
  /** The marks the transaction left on `works` (forgotten once their documents are written). */
  readonly marks: readonly WorkMark[];
}

/** Memberships and works as committed now (read under the works lock). */
export interface WorkState {
  readonly memberships: ReadonlyMap<string, Membership>;
  readonly works: readonly TouchedWork[];
}

export interface TouchedWork {
  readonly workId: string;
  readonly memberIds: string[];
}

/** A record's work as its catalogue document carries it (`work`). */
export function recordWorkOf(membership: Membership): WorkFacts {
  return {
    id: membership.workId,
    rule: membership.rule,
    facts: [...membership.facts],
    ...(membership.joinedWith ? { joinedWith: membership.joinedWith } : {}),
    ...(membership.decisionId ? { decisionId: membership.decisionId } : {}),
  };
}

/** Same work and same evidence: nothing to write, nothing to re-index. */
export function sameMembership(a: Membership, b: Membership | undefined): boolean {
  return (
    b !== undefined &&
    a.workId === b.workId &&
    a.rule === b.rule &&
    (a.joinedWith ?? null) === (b.joinedWith ?? null) &&
    (a.decisionId ?? null) === (b.decisionId ?? null) &&
    a.facts.length === b.facts.length &&
    a.facts.every((fact, i) => fact === b.facts[i])
  );
}
