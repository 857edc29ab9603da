/**
 * Clustering of merge pairs into persons: connected components, built strongest edge first, with a guard against
 * chaining — two groups are never joined when any member of one contradicts any member of the other. A cluster
 * that refused such an edge is flagged for review. Knows nothing of the model: nodes, weighted edges, a predicate.
 */

export interface ClusterEdge {
  a: number;
  b: number;
  weight: number;
}

export interface Clustering {
  /** Cluster id of each node (the id of one of its members). */
  clusterOf: Int32Array;
  /** Clusters with two or more members, members ascending. */
  clusters: number[][];
  /** Clusters split by the chaining guard, with the edges they refused. */
  flagged: { members: number[]; refused: ClusterEdge[] }[];
}

/**
 * Groups `nodeCount` nodes by the edges (merge pairs), refusing any union that would put two contradicting nodes
 * (different valid personal IDs, different sex) in one cluster.
 *
 * @example
 * // A–B and B–C merge, but A and C have different IDs: A–B kept (stronger), C alone, both flagged.
 * clusterPairs(3, [{ a: 0, b: 1, weight: 14 }, { a: 1, b: 2, weight: 9 }], (x, y) => x + y === 2).clusters; // [[0, 1]]
 */
export function clusterPairs(nodeCount: number, edges: readonly ClusterEdge[], contradicts: (a: number, b: number) => boolean): Clustering {
  const parent = Int32Array.from({ length: nodeCount }, (_, i) => i);
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const membersOf = (root: number) => members.get(root) ?? [root];
  const refused: ClusterEdge[] = [];
  const sorted = [...edges].sort((x, y) => y.weight - x.weight);
  for (const edge of sorted) {
    const ra = find(edge.a);
    const rb = find(edge.b);
    if (ra === rb) continue;
    const ma = membersOf(ra);
    const mb = membersOf(rb);
    if (ma.some((x) => mb.some((y) => contradicts(x, y)))) {
      refused.push(edge);
      continue;
    }
    const [big, small] = ma.length >= mb.length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members.set(big, [...membersOf(big), ...membersOf(small)]);
    members.delete(small);
  }
  const clusterOf = Int32Array.from({ length: nodeCount }, (_, i) => find(i));
  const clusters = [...members.values()].map((m) => [...m].sort((x, y) => x - y));
  const flaggedRoots = new Map<number, ClusterEdge[]>();
  for (const edge of refused) {
    for (const root of [clusterOf[edge.a], clusterOf[edge.b]]) {
      const list = flaggedRoots.get(root) ?? [];
      list.push(edge);
      flaggedRoots.set(root, list);
    }
  }
  const flagged = [...flaggedRoots].map(([root, edgesRefused]) => ({ members: [...membersOf(root)].sort((x, y) => x - y), refused: edgesRefused }));
  return { clusterOf, clusters, flagged };
}
