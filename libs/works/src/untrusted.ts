import { candidateKeys, judge, MatchProfile } from '@hop-luu/work-matching';
import type { UntrustedSighting } from './work-store';

/**
 * Identifiers shared by a batch record and another record of its component whose titles
 * clearly disagree (judge says so with `untrustedIdentifier`). Only pairs sharing a key are
 * judged, and only from the batch's records, so the cost follows the batch, not the catalogue.
 */
export function untrustedSightings(
  batch: readonly MatchProfile[],
  component: readonly MatchProfile[],
): UntrustedSighting[] {
  const holders = new Map<string, MatchProfile[]>();
  for (const profile of component)
    for (const key of candidateKeys(profile)) {
      const list = holders.get(key);
      if (list) list.push(profile);
      else holders.set(key, [profile]);
    }
  const found = new Map<string, { titles: Set<string>; recordIds: Set<string> }>();
  for (const profile of batch) {
    const judged = new Set<string>([profile.recordId]);
    for (const key of candidateKeys(profile))
      for (const other of holders.get(key) ?? []) {
        if (judged.has(other.recordId)) continue;
        judged.add(other.recordId);
        const verdict = judge(profile, other);
        if (verdict.kind !== 'contradict' || !verdict.untrustedIdentifier) continue;
        const entry = found.get(verdict.untrustedIdentifier) ?? {
          titles: new Set<string>(),
          recordIds: new Set<string>(),
        };
        for (const p of [profile, other]) {
          entry.titles.add(titleOf(p));
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

/** The title the profile was matched by, for staff to see why the identifier is doubted. */
function titleOf(profile: MatchProfile): string {
  const title = (profile as unknown as { title?: unknown }).title;
  return typeof title === 'string' ? title : '';
}
