/**
 * Pairwise precision, recall and F1 of a clustering against the truth, counted over the pairs that involve at least
 * one incoming row (pairs of two registry rows were settled by the setup import, not by the batch). Counted per
 * cluster from entity group sizes, never by listing pairs, so a chained giant cluster costs no more than its rows.
 *
 * @example
 * const entity = new Map([['r:2', 'A'], ['i:2', 'A'], ['i:3', 'B']]);
 * pairwiseScores([['r:2', 'i:2', 'i:3']], entity, (row) => row.startsWith('i:'));
 * // { truePairs: 1, predictedPairs: 3, correctPairs: 1, precision: 0.333…, recall: 1, f1: 0.5 }
 */

export interface PairwiseScores {
  /** Pairs of rows of the same entity, at least one of them incoming. */
  truePairs: number;
  /** Pairs of rows placed in the same cluster, at least one of them incoming. */
  predictedPairs: number;
  correctPairs: number;
  /** 1 when nothing was predicted (no pair claimed, none wrong). */
  precision: number;
  /** 1 when there was nothing to find. */
  recall: number;
  f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/** Pairs with at least one incoming row among `total` rows of which `registry` are registry rows. */
const mixedPairs = (total: number, registry: number): number => pairs(total) - pairs(registry);

/**
 * Scores `clusters` (row keys placed together; rows in no cluster are alone) against `entityOf` (the truth for
 * every row; a row it does not know is its own entity).
 */
export function pairwiseScores(
  clusters: Iterable<readonly string[]>,
  entityOf: ReadonlyMap<string, string>,
  isIncoming: (row: string) => boolean,
): PairwiseScores {
  const entitySizes = new Map<string, { total: number; registry: number }>();
  for (const [row, entity] of entityOf) {
    const s = entitySizes.get(entity) ?? { total: 0, registry: 0 };
    s.total++;
    if (!isIncoming(row)) s.registry++;
    entitySizes.set(entity, s);
  }
  let truePairs = 0;
  for (const s of entitySizes.values()) truePairs += mixedPairs(s.total, s.registry);

  let predictedPairs = 0;
  let correctPairs = 0;
  for (const cluster of clusters) {
    const groups = new Map<string, { total: number; registry: number }>();
    let registry = 0;
    for (const row of cluster) {
      const entity = entityOf.get(row) ?? `?${row}`;
      const g = groups.get(entity) ?? { total: 0, registry: 0 };
      g.total++;
      if (!isIncoming(row)) {
        g.registry++;
        registry++;
      }
      groups.set(entity, g);
    }
    predictedPairs += mixedPairs(cluster.length, registry);
    for (const g of groups.values()) correctPairs += mixedPairs(g.total, g.registry);
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}

/**
 * Clusters joined along extra links (a flagged person and its review candidate): what the registry would hold if
 * reviewers confirmed every pair they were sent. Clusters are keyed by person id.
 *
 * @example
 * joinClusters(new Map([[1, ['r:2']], [9, ['i:5']]]), [[9, 1]]); // [['r:2', 'i:5']]
 */
export function joinClusters(clusters: ReadonlyMap<number, readonly string[]>, links: Iterable<readonly [number, number]>): string[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps repeated finds cheap at 1M persons.
    while (x !== root) {
      const next = parent.get(x) ?? root;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const [a, b] of links) {
    if (!clusters.has(a) || !clusters.has(b)) continue;
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const joined = new Map<number, string[]>();
  for (const [id, rows] of clusters) {
    const root = find(id);
    const list = joined.get(root);
    if (list) list.push(...rows);
    else joined.set(root, [...rows]);
  }
  return [...joined.values()];
}
