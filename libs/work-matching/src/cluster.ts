import { createHash } from 'node:crypto';
import { greedyWorks } from './greedy';
import type { MatchProfile } from './profile';
import type { MatchRule } from './verdict';

export interface CuratorDecision {
  readonly id: string;
  /** split: recordIds[0] stands alone. merge: the works holding recordIds become one. */
  readonly kind: 'split' | 'merge';
  readonly recordIds: readonly string[];
  readonly decidedAt: Date;
}

export type MembershipRule = MatchRule | 'first-record' | 'curator-merge' | 'curator-split';

export interface Membership {
  readonly recordId: string;
  readonly workId: string;
  readonly rule: MembershipRule;
  readonly facts: readonly string[];
  /** The member it matched (absent for 'first-record' / 'curator-split'). */
  readonly joinedWith?: string;
  readonly decisionId?: string;
}

/** Deterministic id of a work from its members: 'w' + 16 hex of sha1(smallest recordId). */
export function workIdOf(memberRecordIds: readonly string[]): string {
  if (memberRecordIds.length === 0) throw new Error('workIdOf: a work has at least one member');
  let smallest = memberRecordIds[0];
  for (const id of memberRecordIds) if (id < smallest) smallest = id;
  return `w${createHash('sha1').update(smallest).digest('hex').slice(0, 16)}`;
}

/** How a record came into its work, before work ids are known. */
export type Joined = Omit<Membership, 'workId'>;

/**
 * Partitions one connected component into works (see README "Non-chaining rule").
 * Deterministic and order-independent: depends only on the set of profiles and decisions.
 * 1. Greedy pass over the records that have a year and a name, in recordId order: a record
 *    joins the work where it has the best-scoring match, among works it matches at least one
 *    member of and contradicts no member of (ties to the earliest work); otherwise it starts
 *    a work. Then the records without a year or without any name, in recordId order, the
 *    same way, except that one such record that could join two works or more by the same
 *    rule joins none (with less to go on, it cannot tell two editions apart). Records a curator split out
 *    are left out, so they cannot bridge others.
 * 2. Decisions in decidedAt order (then id): merge unions the works of its records; split
 *    moves its record out alone.
 */
export function clusterComponent(
  profiles: readonly MatchProfile[],
  decisions: readonly CuratorDecision[],
): Membership[] {
  const sorted = uniqueByRecordId(profiles);
  const known = new Set(sorted.map((p) => p.recordId));
  const ordered = orderDecisions(decisions, known);
  const splitIds = new Set(ordered.filter((d) => d.kind === 'split').map((d) => d.recordIds[0]));
  const works = greedyWorks(sorted.filter((p) => !splitIds.has(p.recordId)));
  const how = new Map<string, Joined>();
  for (const work of works) for (const joined of work) how.set(joined.recordId, joined);
  const groups = works.map((work) => work.map((j) => j.recordId));
  for (const id of splitIds) groups.push([id]);
  for (const id of splitIds) how.set(id, { recordId: id, rule: 'first-record', facts: [] });
  for (const decision of ordered) applyDecision(decision, groups, how);
  return memberships(
    groups.filter((g) => g.length > 0),
    how,
  );
}

function uniqueByRecordId(profiles: readonly MatchProfile[]): MatchProfile[] {
  const byId = new Map<string, MatchProfile>();
  for (const p of profiles) byId.set(p.recordId, p);
  return [...byId.values()].sort((x, y) => compare(x.recordId, y.recordId));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Decisions about records of this component, oldest first (id breaks ties). */
function orderDecisions(
  decisions: readonly CuratorDecision[],
  known: ReadonlySet<string>,
): CuratorDecision[] {
  return decisions
    .map((d) =>
      d.kind === 'split'
        ? { ...d, recordIds: known.has(d.recordIds[0]) ? [d.recordIds[0]] : [] }
        : { ...d, recordIds: d.recordIds.filter((id) => known.has(id)) },
    )
    .filter((d) => d.recordIds.length >= (d.kind === 'split' ? 1 : 2))
    .sort((x, y) => x.decidedAt.getTime() - y.decidedAt.getTime() || compare(x.id, y.id));
}

function applyDecision(
  decision: CuratorDecision,
  groups: string[][],
  how: Map<string, Joined>,
): void {
  const groupOf = (id: string): string[] | undefined => groups.find((g) => g.includes(id));
  if (decision.kind === 'split') {
    const id = decision.recordIds[0];
    const group = groupOf(id);
    if (group) group.splice(group.indexOf(id), 1);
    groups.push([id]);
    how.set(id, { recordId: id, rule: 'curator-split', facts: [], decisionId: decision.id });
    return;
  }
  const [anchor, ...others] = decision.recordIds;
  const target = groupOf(anchor);
  if (!target) return;
  for (const id of others) {
    const group = groupOf(id);
    if (!group || group === target) continue;
    target.push(...group.splice(0));
    how.set(id, {
      recordId: id,
      rule: 'curator-merge',
      facts: ['merged by a curator'],
      joinedWith: anchor,
      decisionId: decision.id,
    });
  }
}

function memberships(groups: readonly string[][], how: ReadonlyMap<string, Joined>): Membership[] {
  const out: Membership[] = [];
  for (const group of groups) {
    const workId = workIdOf(group);
    const members = new Set(group);
    for (const recordId of [...group].sort(compare)) {
      const joined = how.get(recordId) ?? { recordId, rule: 'first-record' as const, facts: [] };
      out.push(membershipIn(workId, joined, members));
    }
  }
  return out.sort((x, y) => compare(x.recordId, y.recordId));
}

/** A joinedWith that a later decision moved to another work is dropped: evidence names members only. */
function membershipIn(workId: string, joined: Joined, members: ReadonlySet<string>): Membership {
  const { joinedWith, ...rest } = joined;
  if (joinedWith !== undefined && members.has(joinedWith)) return { ...rest, workId, joinedWith };
  return { ...rest, workId };
}
