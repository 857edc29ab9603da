import { describe, it, expect } from 'vitest';
import { joinClusters, pairwiseScores } from './pairwise-metrics.js';

// Registry rows r1..r4 (entities A, B, C, D); incoming rows i1 (A), i2 (A, a second copy), i3 (B), i4 (new E), i5 (new F).
const entity = new Map([
  ['r1', 'A'], ['r2', 'B'], ['r3', 'C'], ['r4', 'D'],
  ['i1', 'A'], ['i2', 'A'], ['i3', 'B'], ['i4', 'E'], ['i5', 'F'],
]);
const incoming = (row: string) => row.startsWith('i');
// True pairs with an incoming row: A has r1-i1, r1-i2, i1-i2 (3); B has r2-i3 (1) → 4.

describe('pairwiseScores', () => {
  it.each([
    ['nothing merged', [], { truePairs: 4, predictedPairs: 0, correctPairs: 0, precision: 1, recall: 0, f1: 0 }],
    ['perfect', [['r1', 'i1', 'i2'], ['r2', 'i3']], { truePairs: 4, predictedPairs: 4, correctPairs: 4, precision: 1, recall: 1, f1: 1 }],
    // i1 found, i2 missed: 1 of 4.
    ['one pair found', [['r1', 'i1']], { truePairs: 4, predictedPairs: 1, correctPairs: 1, precision: 1, recall: 0.25, f1: 0.4 }],
    // i4 wrongly merged into B: cluster {r2, i3, i4} has 3 pairs with an incoming row, 1 right.
    ['a new person merged in', [['r1', 'i1', 'i2'], ['r2', 'i3', 'i4']], { truePairs: 4, predictedPairs: 6, correctPairs: 4, precision: 4 / 6, recall: 1, f1: 0.8 }],
  ] as const)('%s', (_label, clusters, expected) => {
    const s = pairwiseScores(clusters as readonly (readonly string[])[], entity, incoming);
    expect(s.truePairs).toBe(expected.truePairs);
    expect(s.predictedPairs).toBe(expected.predictedPairs);
    expect(s.correctPairs).toBe(expected.correctPairs);
    expect(s.precision).toBeCloseTo(expected.precision, 10);
    expect(s.recall).toBeCloseTo(expected.recall, 10);
    expect(s.f1).toBeCloseTo(expected.f1, 10);
  });

  it('does not count pairs of two registry rows (the setup merged them, not the batch)', () => {
    const s = pairwiseScores([['r3', 'r4'], ['r1', 'i1', 'i2'], ['r2', 'i3']], entity, incoming);
    expect(s).toMatchObject({ predictedPairs: 4, correctPairs: 4, precision: 1 });
  });

  it('counts a chained giant cluster without listing its pairs', () => {
    const big = new Map<string, string>();
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      big.set(`i${i}`, `E${i}`);
      rows.push(`i${i}`);
    }
    const s = pairwiseScores([rows], big, incoming);
    expect(s.predictedPairs).toBe((20_000 * 19_999) / 2);
    expect(s.correctPairs).toBe(0);
  });
});

describe('joinClusters', () => {
  it('joins a flagged person with its review candidate, transitively, and ignores unknown persons', () => {
    const clusters = new Map<number, string[]>([[1, ['r1']], [2, ['r2']], [7, ['i1']], [8, ['i3']], [9, ['i4']]]);
    const joined = joinClusters(clusters, [[7, 1], [8, 2], [9, 8], [10, 1]]).map((c) => [...c].sort());
    expect(joined.sort()).toEqual([['i1', 'r1'], ['i3', 'i4', 'r2']]);
    const s = pairwiseScores(joined, entity, incoming);
    // i1-r1 right; i3-r2 right, i4-r2 and i4-i3 wrong; i2 missing.
    expect(s).toMatchObject({ predictedPairs: 4, correctPairs: 2 });
  });
});
