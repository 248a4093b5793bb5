/** Pairwise precision and recall of a partition against the true works. */

export interface PairScores {
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/** `truth` and `predicted` map each record id to its work (label / work id). */
export function pairScores(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): PairScores {
  const sizes = (labels: Iterable<string>): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    return counts;
  };
  const both = sizes([...truth].map(([id, label]) => `${label}\u0000${predicted.get(id) ?? id}`));
  const sum = (counts: Map<string, number>): number =>
    [...counts.values()].reduce((total, n) => total + pairs(n), 0);
  const truePairs = sum(sizes(truth.values()));
  const predictedPairs = sum(sizes(predicted.values()));
  const correctPairs = sum(both);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}
