/**
 * Training: u from random pairs (almost all are different people), m by expectation–maximisation on the blocked
 * pairs with the declared m as a Dirichlet prior, so a level seldom seen keeps a sensible value.
 */
import type { CandidatePairs } from './blocking-rule.js';
import type { MatchModel, ResolvedModel } from './model.js';
import { comparePair, type PreparedRecords } from './prepared-records.js';

export interface UOptions {
  /** Random pairs to draw (default 100,000). */
  pairs?: number;
  seed?: number;
}

/**
 * Estimates u per level from random pairs of `left` × `right` (pass the same set twice for one list): the sample's
 * rate, plus the declared u up to what a sample of n pairs can miss (3/n, the rule of three). A level the sample never
 * saw is not thereby impossible: "same name, other tone placement" is as rare as the sample is consistent, and taking
 * its absence as u ≈ 0 gave such agreement +26 bits, enough to merge on a name alone.
 *
 * @example
 * model = { ...model.spec, ...estimateU(model, registry, registry) };
 */
export function estimateU<R>(model: ResolvedModel<R>, left: PreparedRecords<R>, right: PreparedRecords<R>, options: UOptions = {}): MatchModel {
  const wanted = options.pairs ?? 100_000;
  const random = mulberry32(options.seed ?? 1);
  const width = model.comparisons.length;
  const counts = model.comparisons.map((c) => new Float64Array(c.levels.length));
  const gamma = new Uint8Array(width);
  const same = left === right;
  let drawn = 0;
  if (left.records.length === 0 || right.records.length < (same ? 2 : 1)) return model.spec;
  while (drawn < wanted) {
    const i = Math.floor(random() * left.records.length);
    const j = Math.floor(random() * right.records.length);
    if (same && i === j) continue;
    comparePair(model, left, i, right, j, gamma);
    for (let c = 0; c < width; c++) counts[c][gamma[c]]++;
    drawn++;
  }
  return {
    ...model.spec,
    comparisons: model.spec.comparisons.map((spec, c) => {
      const nonNull = nonNullMask(model, c);
      const total = counts[c].reduce((s, n, k) => s + (nonNull[k] ? n : 0), 0);
      return {
        ...spec,
        levels: spec.levels.map((l, k) => (nonNull[k] && total > 0 ? { ...l, u: counts[c][k] / total + Math.min(l.u, 3 / total) } : l)),
      };
    }),
    training: { ...model.spec.training, uPairs: drawn },
  };
}

export interface EmOptions {
  /** At most this many iterations (default 15). */
  iterations?: number;
  /** Stop when no parameter moves more than this (default 1e-4). */
  tolerance?: number;
  /** Weight of the declared m as pseudo-pairs (default 2). */
  priorStrength?: number;
  /** All pairs the data could form (nL·nR or n(n−1)/2), to turn the expected matches into the prior. */
  totalPairs: number;
}

export interface EmResult {
  model: MatchModel;
  /** Share of blocked pairs that are matches, per iteration: converges when training converges. */
  history: number[];
  converged: boolean;
}

/**
 * Learns m per level by EM over the blocked pairs. The E-step uses u of the blocked population (estimated
 * alongside, since pairs sharing a block agree more often than random ones); the model keeps the random-pair u
 * for scoring. The prior becomes expected matches / total pairs.
 *
 * @example
 * const { model: trained } = trainM(model, batch, batch, dedupePairs(rules, batch.records), { totalPairs: n * (n - 1) / 2 });
 */
export function trainM<R>(model: ResolvedModel<R>, left: PreparedRecords<R>, right: PreparedRecords<R>, pairs: Pick<CandidatePairs, 'left' | 'right'>, options: EmOptions): EmResult {
  const n = pairs.left.length;
  const width = model.comparisons.length;
  const gammas = new Uint8Array(n * width);
  for (let p = 0; p < n; p++) comparePair(model, left, pairs.left[p], right, pairs.right[p], gammas, p * width);
  const masks = model.comparisons.map((_, c) => nonNullMask(model, c));
  const prior = model.spec.comparisons.map((s, c) => normalise(s.levels.map((l) => l.m), masks[c]));
  let m = prior.map((x) => [...x]);
  let u = model.spec.comparisons.map((s, c) => normalise(s.levels.map((l) => l.u), masks[c]));
  let lambda = 0.1;
  const strength = options.priorStrength ?? 2;
  const history: number[] = [];
  let converged = false;
  const posterior = new Float64Array(n);
  for (let iteration = 0; iteration < (options.iterations ?? 15) && n > 0; iteration++) {
    let sumP = 0;
    for (let p = 0; p < n; p++) {
      let logOdds = Math.log(lambda / (1 - lambda));
      for (let c = 0; c < width; c++) {
        const k = gammas[p * width + c];
        if (masks[c][k]) logOdds += Math.log(m[c][k] / u[c][k]);
      }
      posterior[p] = 1 / (1 + Math.exp(-logOdds));
      sumP += posterior[p];
    }
    const mCounts = m.map((x) => new Float64Array(x.length));
    const uCounts = u.map((x) => new Float64Array(x.length));
    for (let p = 0; p < n; p++) {
      for (let c = 0; c < width; c++) {
        const k = gammas[p * width + c];
        mCounts[c][k] += posterior[p];
        uCounts[c][k] += 1 - posterior[p];
      }
    }
    const next = mCounts.map((counts, c) => normalise(Array.from(counts, (x, k) => x + strength * prior[c][k]), masks[c]));
    const nextU = uCounts.map((counts, c) => normalise(Array.from(counts, (x, k) => x + 1e-3 * u[c][k]), masks[c]));
    const moved = Math.max(maxDelta(m, next), maxDelta(u, nextU), Math.abs(sumP / n - lambda));
    m = next;
    u = nextU;
    lambda = Math.min(Math.max(sumP / n, 1e-9), 1 - 1e-9);
    history.push(lambda);
    if (moved < (options.tolerance ?? 1e-4)) {
      converged = true;
      break;
    }
  }
  const expectedMatches = lambda * n;
  return {
    model: {
      ...model.spec,
      comparisons: model.spec.comparisons.map((spec, c) => ({
        ...spec,
        levels: spec.levels.map((l, k) => (masks[c][k] ? { ...l, m: m[c][k] } : l)),
      })),
      prior: Math.min(Math.max(expectedMatches / Math.max(options.totalPairs, 1), 1e-12), 0.5),
      training: { ...model.spec.training, emPairs: n, emIterations: history.length, emConverged: converged },
    },
    history,
    converged,
  };
}

function nonNullMask<R>(model: ResolvedModel<R>, c: number): boolean[] {
  return model.comparisons[c].levels.map((l) => !l.isNull);
}

/** Scales the non-null entries to sum to 1 (null entries keep 1, they weigh 0 anyway). */
function normalise(values: number[], mask: boolean[]): number[] {
  const total = values.reduce((s, v, k) => s + (mask[k] ? v : 0), 0);
  return values.map((v, k) => (mask[k] ? Math.max(v / total, 1e-9) : 1));
}

function maxDelta(a: number[][], b: number[][]): number {
  let d = 0;
  for (let c = 0; c < a.length; c++) for (let k = 0; k < a[c].length; k++) d = Math.max(d, Math.abs(a[c][k] - b[c][k]));
  return d;
}

/** Small seeded generator so training is repeatable run to run. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
