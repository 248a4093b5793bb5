import { candidatePairsOf, groupBy } from './candidate-pairs';
import type { OtherPosting } from './candidate-pairs';
import type { KeyPosting } from './work-store';

const posting = (key: string, recordId: string, extra: Partial<KeyPosting> = {}): KeyPosting => ({
  key,
  recordId,
  identifier: key.startsWith('isbn:'),
  weak: false,
  signature: `sig-${recordId}`,
  ...extra,
});

const byKey = (postings: OtherPosting[]) => groupBy(postings, (p) => p.key);

describe('candidatePairsOf', () => {
  const subject = [posting('isbn:1', 'a'), posting('t:kieu', 'a'), posting('ay:du|2015', 'a')];
  const others = [
    posting('isbn:1', 'b'), // shares the identifier
    posting('t:kieu', 'c'), // one title key only: not a candidate
    posting('t:kieu', 'd'),
    posting('ay:du|2015', 'd'), // two keys
    posting('t:kieu', 'e', { weak: true }), // one key, but e has nothing else
  ];

  it('pairs by a shared identifier, two shared keys, or one key with a weak side', () => {
    const pairs = candidatePairsOf(
      new Map([['a', subject]]),
      byKey([...subject, ...others]),
      () => true,
    );
    expect(pairs.map((p) => p.b).sort()).toEqual(['b', 'd', 'e']);
    expect(pairs.find((p) => p.b === 'd')?.signature).toBe('sig-d');
  });

  it('ignores keys too common to use', () => {
    const pairs = candidatePairsOf(
      new Map([['a', subject]]),
      byKey([...subject, ...others]),
      (key) => key !== 'ay:du|2015',
    );
    expect(pairs.map((p) => p.b).sort()).toEqual(['b', 'e']);
  });
});
