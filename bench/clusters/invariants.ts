/**
 * What the works store relies on, checked on the real components of the bench: `judge` is
 * symmetric on every pair of a component, and `clusterComponent` gives the same memberships
 * whatever the order of its input, and for profiles that went through JSON (jsonb) and back.
 */
import { isDeepStrictEqual } from 'node:util';
import { seededRandom } from '../records-generate';
import { clusterComponent, judge, type MatchProfile } from '@hop-luu/work-matching';

export interface InvariantReport {
  readonly pairsJudged: number;
  readonly asymmetric: number;
  readonly componentsShuffled: number;
  readonly orderDependent: number;
}

export function checkInvariants(components: readonly (readonly MatchProfile[])[]): InvariantReport {
  const rng = seededRandom(7);
  let pairsJudged = 0;
  let asymmetric = 0;
  let orderDependent = 0;
  for (const component of components) {
    for (let i = 0; i < component.length; i++)
      for (let j = i + 1; j < component.length; j++) {
        pairsJudged++;
        if (
          !isDeepStrictEqual(judge(component[i], component[j]), judge(component[j], component[i]))
        )
          asymmetric++;
      }
    const shuffled = [...component].sort(() => rng() - 0.5).reverse();
    const stored = JSON.parse(JSON.stringify(shuffled)) as MatchProfile[];
    const expected = clusterComponent(component, []);
    if (
      !isDeepStrictEqual(expected, clusterComponent(shuffled, [])) ||
      !isDeepStrictEqual(expected, clusterComponent(stored, []))
    )
      orderDependent++;
  }
  return { pairsJudged, asymmetric, componentsShuffled: components.length, orderDependent };
}
