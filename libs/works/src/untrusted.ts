import { judge, MatchProfile } from '@hop-luu/work-matching';
import type { UntrustedSighting } from './work-store';

/**
 * Identifiers shared by a batch record and another record of its component whose titles
 * clearly disagree (judge says so with `untrustedIdentifier`). Only pairs sharing an
 * identifier are judged, and only from the batch's records, so the cost follows the batch.
 */
export function untrustedSightings(
  batch: readonly MatchProfile[],
  component: readonly MatchProfile[],
): UntrustedSighting[] {
  const holders = new Map<string, MatchProfile[]>();
  for (const profile of component)
    for (const id of profile.ids) {
      const list = holders.get(id);
      if (list) list.push(profile);
      else holders.set(id, [profile]);
    }
  const found = new Map<string, { titles: Set<string>; recordIds: Set<string> }>();
  for (const profile of batch) {
    const judged = new Set<string>([profile.recordId]);
    for (const id of profile.ids)
      for (const other of holders.get(id) ?? []) {
        if (judged.has(other.recordId)) continue;
        judged.add(other.recordId);
        const verdict = judge(profile, other);
        if (verdict.kind !== 'contradict' || !verdict.untrustedIdentifier) continue;
        const entry = found.get(verdict.untrustedIdentifier) ?? {
          titles: new Set<string>(),
          recordIds: new Set<string>(),
        };
        for (const p of [profile, other]) {
          entry.titles.add(p.shownTitle);
          entry.recordIds.add(p.recordId);
        }
        found.set(verdict.untrustedIdentifier, entry);
      }
  }
  return [...found].map(([identifier, entry]) => ({
    identifier,
    titles: [...entry.titles].filter((title) => title !== ''),
    recordIds: [...entry.recordIds],
  }));
}
