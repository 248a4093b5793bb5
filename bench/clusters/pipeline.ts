/**
 * Matching as the works store runs it, in memory: profiles, candidate keys, postings (keys
 * over MAX_KEY_POSTINGS ignored), connected components over the remaining keys (capped),
 * `clusterComponent` on each.
 */
import type { NormalizedRecord } from '@hop-luu/records';
import {
  candidateKeys,
  clusterComponent,
  MAX_KEY_POSTINGS,
  profileOf,
  type MatchProfile,
  type Membership,
} from '@hop-luu/work-matching';

/** The store caps a component at about this many records. */
export const MAX_COMPONENT = 1000;

export interface PipelineResult {
  /** The components as judged, for the invariant checks. */
  readonly componentProfiles: readonly (readonly MatchProfile[])[];
  readonly memberships: readonly Membership[];
  readonly profiles: ReadonlyMap<string, MatchProfile>;
  readonly components: number;
  readonly largestComponent: number;
  readonly ignoredKeys: number;
  readonly cappedComponents: number;
}

export function runPipeline(records: readonly NormalizedRecord[]): PipelineResult {
  const profiles = records.map(profileOf);
  const postings = new Map<string, number[]>();
  profiles.forEach((profile, i) => {
    for (const key of candidateKeys(profile)) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const parent = profiles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  let ignoredKeys = 0;
  for (const list of postings.values()) {
    if (list.length > MAX_KEY_POSTINGS) {
      ignoredKeys++;
      continue;
    }
    for (const i of list.slice(1)) parent[find(i)] = find(list[0]);
  }
  const components = new Map<number, MatchProfile[]>();
  profiles.forEach((profile, i) => {
    const root = find(i);
    const list = components.get(root);
    if (list) list.push(profile);
    else components.set(root, [profile]);
  });
  const memberships: Membership[] = [];
  let largest = 0;
  let capped = 0;
  for (const component of components.values()) {
    largest = Math.max(largest, component.length);
    if (component.length > MAX_COMPONENT) capped++;
    for (let i = 0; i < component.length; i += MAX_COMPONENT)
      memberships.push(...clusterComponent(component.slice(i, i + MAX_COMPONENT), []));
  }
  return {
    componentProfiles: [...components.values()],
    memberships,
    profiles: new Map(profiles.map((p) => [p.recordId, p])),
    components: components.size,
    largestComponent: largest,
    ignoredKeys,
    cappedComponents: capped,
  };
}
