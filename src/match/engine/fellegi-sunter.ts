/**
 * Fellegi–Sunter scoring: match weight = log2(prior odds) + Σ log2(m/u) of each comparison's level, plus the
 * term-frequency adjustment; two thresholds split pairs into merge / review / distinct; guards cap at review.
 */
import type { CandidatePairs } from './blocking-rule.js';
import { brokenGuards } from './guard.js';
import type { ResolvedModel } from './model.js';
import { comparePair, type PreparedRecords } from './prepared-records.js';
import { tfAdjustment, type TermFrequencies } from './term-frequency.js';

export type Decision = 'merge' | 'review' | 'distinct';

/** Scored candidate pairs as parallel arrays; `levels` holds C level indices per pair. */
export interface ScoredPairs {
  left: Int32Array;
  right: Int32Array;
  levels: Uint8Array;
  weights: Float64Array;
  decisions: Decision[];
}

/** log2(m/u) per comparison per level; null levels weigh 0. */
export function levelWeights<R>(model: ResolvedModel<R>): number[][] {
  return model.spec.comparisons.map((spec, c) =>
    spec.levels.map((l, k) => (model.comparisons[c].levels[k].isNull ? 0 : Math.log2(Math.max(l.m, 1e-12) / Math.max(l.u, 1e-12)))),
  );
}

/** log2 of the prior odds. */
export function priorWeight<R>(model: ResolvedModel<R>): number {
  const p = model.spec.prior;
  return Math.log2(p / (1 - p));
}

/**
 * Probability of a match from a match weight.
 *
 * @example
 * matchProbability(0); // 0.5
 * matchProbability(10); // ≈ 0.999
 */
export function matchProbability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/**
 * Weight contributed by comparison c at level k for the pair, TF adjustment included.
 */
export function comparisonWeight<R>(
  model: ResolvedModel<R>,
  weights: number[][],
  tf: TermFrequencies | undefined,
  c: number,
  k: number,
  fa: unknown,
  fb: unknown,
): number {
  let w = weights[c][k];
  const comparison = model.comparisons[c];
  const table = tf?.[c];
  if (table && comparison.levels[k].tf && comparison.tfValue) {
    const va = comparison.tfValue(fa);
    const vb = comparison.tfValue(fb);
    const freq = Math.max(va === null ? 0 : (table.get(va) ?? 0), vb === null ? 0 : (table.get(vb) ?? 0));
    const uAgree = model.spec.comparisons[c].levels.reduce((sum, l, i) => sum + (comparison.levels[i].tf ? l.u : 0), 0);
    w += tfAdjustment(uAgree, freq || undefined, model.spec.tfMinimum);
  }
  return w;
}

/**
 * Scores candidate pairs between two prepared sets (or one set with itself for within-batch duplicates).
 *
 * @example
 * const scored = scorePairs(model, incoming, registry, linkPairs(model.blockingRules, batch, persons), tf);
 * scored.decisions.filter((d) => d === 'merge').length;
 */
export function scorePairs<R>(model: ResolvedModel<R>, left: PreparedRecords<R>, right: PreparedRecords<R>, pairs: Pick<CandidatePairs, 'left' | 'right'>, tf?: TermFrequencies): ScoredPairs {
  const n = pairs.left.length;
  const width = model.comparisons.length;
  const levels = new Uint8Array(n * width);
  const weights = new Float64Array(n);
  const decisions: Decision[] = new Array(n);
  const table = levelWeights(model);
  const base = priorWeight(model);
  const { merge, review } = model.spec.thresholds;
  for (let p = 0; p < n; p++) {
    const i = pairs.left[p];
    const j = pairs.right[p];
    comparePair(model, left, i, right, j, levels, p * width);
    let w = base;
    for (let c = 0; c < width; c++) {
      w += comparisonWeight(model, table, tf, c, levels[p * width + c], left.features[c][i], right.features[c][j]);
    }
    weights[p] = w;
    let decision: Decision = w >= merge ? 'merge' : w >= review ? 'review' : 'distinct';
    if (decision === 'merge' && brokenGuards(model.guards, left.records[i], right.records[j]).length > 0) decision = 'review';
    decisions[p] = decision;
  }
  return { left: pairs.left, right: pairs.right, levels, weights, decisions };
}
