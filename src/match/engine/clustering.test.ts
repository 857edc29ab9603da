import { describe, expect, it } from 'vitest';
import { clusterPairs } from './clustering.js';

describe('clusterPairs', () => {
  it('joins connected merge pairs', () => {
    const result = clusterPairs(6, [
      { a: 0, b: 1, weight: 12 },
      { a: 1, b: 2, weight: 11 },
      { a: 4, b: 5, weight: 9 },
    ], () => false);
    expect(result.clusters.sort((x, y) => x[0] - y[0])).toEqual([[0, 1, 2], [4, 5]]);
    expect(result.clusterOf[2]).toBe(result.clusterOf[0]);
    expect(result.clusterOf[3]).toBe(3);
    expect(result.flagged).toEqual([]);
  });

  it('splits a chain whose ends contradict, keeping the stronger links, and flags it', () => {
    // Nguyễn Văn Hùng (ID …1234) — Nguyen Van Hung (no ID) — Nguyễn Văn Hưng (ID …5678): the middle record links both.
    const ids = ['001068001234', null, '001068005678'];
    const contradicts = (x: number, y: number) => ids[x] !== null && ids[y] !== null && ids[x] !== ids[y];
    const result = clusterPairs(3, [
      { a: 1, b: 2, weight: 9 },
      { a: 0, b: 1, weight: 14 },
    ], contradicts);
    expect(result.clusters).toEqual([[0, 1]]);
    expect(result.clusterOf[2]).toBe(2);
    expect(result.flagged.map((f) => f.members).sort()).toEqual([[0, 1], [2]]);
    expect(result.flagged[0].refused).toEqual([{ a: 1, b: 2, weight: 9 }]);
  });

  it('never puts two contradicting members together however the edges come', () => {
    const sex = ['M', 'M', 'F', 'M', 'F'];
    const edges = [];
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) edges.push({ a, b, weight: a + b });
    const result = clusterPairs(5, edges, (x, y) => sex[x] !== sex[y]);
    for (const members of result.clusters) expect(new Set(members.map((m) => sex[m])).size).toBe(1);
    expect(result.clusters.sort((x, y) => x[0] - y[0])).toEqual([[0, 1, 3], [2, 4]]);
  });
});
