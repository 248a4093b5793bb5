import { createHash } from 'node:crypto';
import { judge } from './judge';
import type { MatchProfile } from './profile';
import type { PairVerdict } from './verdict';

/**
 * Records whose profiles are equal in everything but `recordId` and `sourceId` are twins: the
 * same edition catalogued alike (a union catalogue holds hundreds of them for a popular
 * book). `judge` reads no other field but to order a pair, so twins get the same verdicts;
 * matching judges one of them and reuses the verdict (see README, twins).
 */
export function signatureOf(profile: MatchProfile): string {
  const cached = signatures.get(profile);
  if (cached) return cached;
  // Equal text means equal content, which is all a signature must promise; profiles read
  // back from the store (jsonb reorders keys) carry the signature stored with them instead.
  const { recordId: _recordId, sourceId: _sourceId, ...content } = profile;
  const signature = createHash('sha1').update(JSON.stringify(content)).digest('base64url');
  signatures.set(profile, signature);
  return signature;
}

const signatures = new WeakMap<MatchProfile, string>();

/** Tells `signatureOf` the signature stored with a profile read back from the store. */
export function withSignature(profile: MatchProfile, signature: string): MatchProfile {
  signatures.set(profile, signature);
  return profile;
}

/** A profile of the twin `recordId` of `profile` (same content, its own ids). */
export function twinOf(profile: MatchProfile, recordId: string, sourceId: string): MatchProfile {
  const twin = { ...profile, recordId, sourceId };
  signatures.set(twin, signatureOf(profile));
  return twin;
}

/**
 * `judge` remembering its verdicts by the pair's signatures (in recordId order, as `judge`
 * orders them), for one clustering or relinking pass.
 */
export function memoisedJudge(): (a: MatchProfile, b: MatchProfile) => PairVerdict {
  const verdicts = new Map<string, PairVerdict>();
  return (a, b) => {
    const [first, second] = a.recordId <= b.recordId ? [a, b] : [b, a];
    const key = `${signatureOf(first)} ${signatureOf(second)}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = judge(first, second);
      verdicts.set(key, verdict);
    }
    return verdict;
  };
}
