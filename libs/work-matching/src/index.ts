/**
 * @hop-luu/work-matching: which records are one work. Profiles of records, blocking keys to
 * find candidates, the pair rules (`judge`) and the partition of a component into works
 * (`clusterComponent`). Plain TypeScript; see README.
 */
export { profileOf, PROFILE_VERSION, type MatchProfile } from './profile';
export type { NameForm } from './names';
export { candidateKeys, MAX_KEY_POSTINGS } from './keys';
export { judge } from './judge';
export { memoisedJudge, signatureOf, twinOf, withSignature } from './twins';
export type { MatchEvidence, MatchRule, PairVerdict } from './verdict';
export {
  clusterComponent,
  workIdOf,
  type CuratorDecision,
  type Membership,
  type MembershipRule,
} from './cluster';
