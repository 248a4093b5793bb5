import { boundedDistance, similarity } from './edit-distance';

describe('boundedDistance', () => {
  it.each([
    ['', '', 0],
    ['kieu', 'kieu', 0],
    ['truyen kieu', 'truyen kieu ', 1],
    ['kitten', 'sitting', 3],
    ['suc khoe cong dong', 'suc khoe cong dong giao trinh', 11],
  ])('%s / %s → %i', (a, b, expected) => {
    expect(boundedDistance(a, b, 20)).toBe(expected);
    expect(boundedDistance(b, a, 20)).toBe(expected);
  });

  it('stops at limit + 1 when the strings are further apart', () => {
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedDistance('a', 'abcdefgh', 3)).toBe(4);
  });
});

describe('similarity', () => {
  it('is a share of the longer length, 0 under the floor', () => {
    expect(similarity('history of vietnam', 'history of viet nam', 0.8)).toBeCloseTo(1 - 1 / 19);
    expect(similarity('lich su viet nam', 'lich su the gioi', 0.8)).toBe(0);
    expect(similarity('', '', 0.9)).toBe(1);
  });
});
