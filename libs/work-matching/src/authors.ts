import { namesCompatible } from './names';
import type { MatchProfile } from './profile';

/** The first compatible pair of names (as catalogued), 'conflict' when the creators clearly differ, 'unknown' when a side has no names. */
export function authorsAgreement(
  a: MatchProfile,
  b: MatchProfile,
): readonly [string, string] | 'conflict' | 'unknown' {
  if (a.names.length === 0 || b.names.length === 0) return 'unknown';
  for (const na of a.names)
    for (const nb of b.names) if (namesCompatible(na, nb)) return [na.shown, nb.shown];
  return hasCreatorOfKind(a, b, false) || hasCreatorOfKind(a, b, true) ? 'conflict' : 'unknown';
}

/**
 * Both records have a creator that is a person (or both a body): then no compatible name
 * means different authors. A person on one side and a body on the other only says the
 * catalogues chose different main entries.
 */
function hasCreatorOfKind(a: MatchProfile, b: MatchProfile, corporate: boolean): boolean {
  const has = (p: MatchProfile): boolean =>
    p.names.slice(0, p.creatorCount).some((n) => n.corporate === corporate && !n.misencoded);
  return has(a) && has(b);
}

export function authorsConflict(a: MatchProfile, b: MatchProfile): string {
  return `different authors ${a.names[0].shown} and ${b.names[0].shown}`;
}
