import { clusterComponent, workIdOf, type CuratorDecision, type Membership } from './cluster';
import { dcProfile, marcProfile } from './testing/records';

/** Groups memberships by work: sorted member lists, sorted. */
function works(memberships: readonly Membership[]): string[][] {
  const byWork = new Map<string, string[]>();
  for (const m of memberships) byWork.set(m.workId, [...(byWork.get(m.workId) ?? []), m.recordId]);
  return [...byWork.values()].map((ids) => ids.sort()).sort();
}

// A~B and B~C (title, author, year) but A and C give different page counts: no chain.
const a = marcProfile('a', '1', {
  '020': 'a9786041234567',
  '100': 'aNguyễn, Du',
  '245/0': 'aTruyện Kiều',
  '260': 'c2015',
  '300': 'a435 tr.',
});
const b = dcProfile('b', '1', [
  ['title', 'Truyện Kiều'],
  ['creator', 'Nguyễn Du'],
  ['date', '2015'],
]);
const c = marcProfile('c', '1', {
  '020': 'a9786049007774',
  '100': 'aNguyễn, Du',
  '245/0': 'aTruyện Kiều',
  '260': 'c2015',
  '300': 'a250 tr.',
});
const khoa = marcProfile('d', '1', {
  '100': 'aNguyễn, Văn Khoả',
  '245/0': 'aTruyện Kiều',
  '260': 'c2015',
});
const at = (iso: string): Date => new Date(iso);

describe('clusterComponent', () => {
  it('does not chain: A~B and B~C do not join A and C when they contradict', () => {
    const result = clusterComponent([a, b, c, khoa], []);
    expect(works(result)).toEqual([[a.recordId, b.recordId], [c.recordId], [khoa.recordId]]);
    expect(result.find((m) => m.recordId === b.recordId)).toMatchObject({
      rule: 'title-author',
      joinedWith: a.recordId,
      workId: workIdOf([a.recordId, b.recordId]),
    });
    expect(result.find((m) => m.recordId === a.recordId)).toEqual({
      recordId: a.recordId,
      workId: workIdOf([a.recordId]),
      rule: 'first-record',
      facts: [],
    });
  });

  it('is order-independent', () => {
    const forward = clusterComponent([a, b, c, khoa], []);
    expect(clusterComponent([khoa, c, b, a], [])).toEqual(forward);
    expect(clusterComponent([b, khoa, a, c, b], [])).toEqual(forward);
  });

  it('applies curator decisions in decidedAt order; a split record bridges nothing', () => {
    const split: CuratorDecision = {
      id: 'd1',
      kind: 'split',
      recordIds: [a.recordId],
      decidedAt: at('2026-01-02T00:00:00Z'),
    };
    const merge: CuratorDecision = {
      id: 'd2',
      kind: 'merge',
      recordIds: [c.recordId, khoa.recordId],
      decidedAt: at('2026-01-01T00:00:00Z'),
    };
    const result = clusterComponent([a, b, c, khoa], [split, merge]);
    // Without A, B is free to join C (same title, author, year); the merge adds Khoả's study.
    expect(works(result)).toEqual([[a.recordId], [b.recordId, c.recordId, khoa.recordId]]);
    expect(result.find((m) => m.recordId === a.recordId)).toMatchObject({
      rule: 'curator-split',
      decisionId: 'd1',
    });
    expect(result.find((m) => m.recordId === khoa.recordId)).toMatchObject({
      rule: 'curator-merge',
      decisionId: 'd2',
      joinedWith: c.recordId,
    });
  });

  it('leaves a record without a year out when it could belong to two editions', () => {
    const edition = (id: string, year: string, pages: string): ReturnType<typeof marcProfile> =>
      marcProfile(id, '1', {
        '100': 'aVũ, Trọng Phụng',
        '245/0': 'aSố đỏ',
        '260': `c${year}`,
        '300': `a${pages} tr.`,
      });
    const y2016 = edition('e1', '2016', '250');
    const y2020 = edition('e2', '2020', '310');
    const undated = dcProfile('e3', '1', [
      ['title', 'Số đỏ'],
      ['creator', 'Vũ Trọng Phụng'],
    ]);
    expect(works(clusterComponent([y2016, y2020, undated], []))).toEqual([
      [y2016.recordId],
      [y2020.recordId],
      [undated.recordId],
    ]);
    expect(works(clusterComponent([y2016, undated], []))).toEqual([
      [y2016.recordId, undated.recordId],
    ]);
  });

  it('ignores decisions about records outside the component', () => {
    const stray: CuratorDecision = {
      id: 'd3',
      kind: 'split',
      recordIds: ['elsewhere:1'],
      decidedAt: at('2026-01-01T00:00:00Z'),
    };
    expect(clusterComponent([a, b], [stray])).toEqual(clusterComponent([a, b], []));
  });
});

describe('workIdOf', () => {
  it('is w + 16 hex of sha1 of the smallest record id, whatever the order', () => {
    expect(workIdOf(['b:1', 'a:1'])).toBe(workIdOf(['a:1']));
    expect(workIdOf(['a:1'])).toMatch(/^w[0-9a-f]{16}$/);
  });
});
