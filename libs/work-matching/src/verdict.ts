/** Which rule joined two records. */
export type MatchRule = 'shared-identifier' | 'title-author';

export interface MatchEvidence {
  readonly rule: MatchRule;
  /** Human-readable facts, e.g. ['ISBN 9786041234567', 'title similarity 0.94', 'same year 2012', 'same edition 2']. */
  readonly facts: readonly string[];
}

export type PairVerdict =
  | { kind: 'match'; score: number; evidence: MatchEvidence }
  /** Clearly different works: they must never share a cluster unless a curator merges them. */
  | {
      kind: 'contradict';
      reason: string;
      /** Set when they share an identifier (e.g. 'isbn:978…') whose titles disagree: the identifier is untrusted. */
      untrustedIdentifier?: string;
    }
  | { kind: 'unrelated' };
