import type { Joined, MembershipRule } from './cluster';
import { candidateKeys } from './keys';
import type { MatchProfile } from './profile';
import { memoisedJudge, signatureOf } from './twins';
import type { PairVerdict } from './verdict';

type Judge = (a: MatchProfile, b: MatchProfile) => PairVerdict;

/** A record with a year and a name: enough to tell editions and namesakes apart. */
function isComplete(profile: MatchProfile): boolean {
  return profile.year !== undefined && profile.names.length > 0;
}

interface WorkInProgress {
  readonly members: MatchProfile[];
  readonly joined: Joined[];
}

/**
 * The greedy pass of `clusterComponent` (see its comment and the README): complete records
 * in recordId order, then the others. A record is judged against the works holding a record
 * it shares a candidate key with (every member of such a work, for contradictions): the
 * store found the component through those keys, and a work sharing none cannot match.
 */
export function greedyWorks(sorted: readonly MatchProfile[]): Joined[][] {
  const works: WorkInProgress[] = [];
  const worksByKey = new Map<string, number[]>();
  const ordered = [...sorted.filter(isComplete), ...sorted.filter((p) => !isComplete(p))];
  // Twins (a popular edition held by many libraries) are judged once.
  const judge = memoisedJudge();
  for (const profile of ordered) {
    const keys = candidateKeys(profile);
    const candidates = candidateWorks(keys, worksByKey);
    const best = bestWork(judge, profile, candidates, works, !isComplete(profile));
    let index: number;
    if (best) {
      index = best.index;
      works[index].members.push(profile);
      works[index].joined.push(best.joined);
    } else {
      index = works.length;
      works.push({
        members: [profile],
        joined: [{ recordId: profile.recordId, rule: 'first-record', facts: [] }],
      });
    }
    for (const key of keys) {
      const list = worksByKey.get(key);
      if (!list) worksByKey.set(key, [index]);
      else if (!list.includes(index)) list.push(index);
    }
  }
  return works.map((w) => w.joined);
}

/** Indexes of the works sharing a key, in the order they were started. */
function candidateWorks(
  keys: readonly string[],
  worksByKey: ReadonlyMap<string, number[]>,
): number[] {
  const found = new Set<number>();
  for (const key of keys) for (const index of worksByKey.get(key) ?? []) found.add(index);
  return [...found].sort((a, b) => a - b);
}

/**
 * The work `profile` joins: best score over works it matches and contradicts no member of
 * (ties to the earliest); none when `onlyIfUnique` and more than one work qualifies by the
 * best match's rule.
 */
function bestWork(
  judge: Judge,
  profile: MatchProfile,
  candidates: readonly number[],
  works: readonly WorkInProgress[],
  onlyIfUnique: boolean,
): { index: number; joined: Joined } | undefined {
  let best: { index: number; score: number; joined: Joined } | undefined;
  const rules: MembershipRule[] = [];
  for (const index of candidates) {
    const found = bestMatchIn(judge, profile, works[index].members);
    if (!found) continue;
    rules.push(found.joined.rule);
    if (!best || found.score > best.score) best = { index, ...found };
  }
  if (!best || !onlyIfUnique) return best;
  // A shared identifier settles it; otherwise two works are one too many.
  const rule = best.joined.rule;
  return rules.filter((r) => r === rule).length > 1 ? undefined : best;
}

/** The best match among the members (ties to the earliest), none when one contradicts. */
function bestMatchIn(
  judge: Judge,
  profile: MatchProfile,
  members: readonly MatchProfile[],
): { score: number; joined: Joined } | undefined {
  let best: { score: number; joined: Joined } | undefined;
  // A member's twins come later and score the same: only the first of them can be the best.
  const seen = new Set<string>();
  for (const member of members) {
    const signature = signatureOf(member);
    if (seen.has(signature)) continue;
    seen.add(signature);
    const verdict = judge(profile, member);
    if (verdict.kind === 'contradict') return undefined;
    if (verdict.kind !== 'match' || (best && verdict.score <= best.score)) continue;
    const { rule, facts } = verdict.evidence;
    best = {
      score: verdict.score,
      joined: { recordId: profile.recordId, rule, facts, joinedWith: member.recordId },
    };
  }
  return best;
}
