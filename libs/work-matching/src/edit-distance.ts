/**
 * Levenshtein distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`:
 * matching only needs to know whether two titles are close, and most candidate pairs are
 * not, so the row loop stops early (cost O(limit × length) instead of O(length²)).
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let previous = new Array<number>(short.length + 1);
  let current = new Array<number>(short.length + 1);
  for (let i = 0; i <= short.length; i++) previous[i] = i;
  for (let j = 1; j <= long.length; j++) {
    current[0] = j;
    let rowMin = j;
    const ch = long.charCodeAt(j - 1);
    for (let i = 1; i <= short.length; i++) {
      const cost = short.charCodeAt(i - 1) === ch ? 0 : 1;
      const value = Math.min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + cost);
      current[i] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[short.length], limit + 1);
}

/**
 * Similarity of two strings as 1 − distance / longer length (1: equal, 0: nothing shared),
 * or 0 when it is below `floor` (the distance is then not computed in full).
 */
export function similarity(a: string, b: string, floor: number): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const limit = Math.floor((1 - floor) * longer);
  const distance = boundedDistance(a, b, limit);
  return distance > limit ? 0 : 1 - distance / longer;
}
