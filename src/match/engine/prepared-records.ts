import { levelIndex } from './comparison.js';
import type { ResolvedModel } from './model.js';

/** Records with every comparison's features computed once: `features[c][i]` for comparison c, record i. */
export interface PreparedRecords<R> {
  records: readonly R[];
  features: unknown[][];
}

/**
 * Computes each comparison's features for every record (keys, folds, parsed dates) before pairs are compared.
 *
 * @example
 * const registry = prepareRecords(model, registryPersons);
 */
export function prepareRecords<R>(model: ResolvedModel<R>, records: readonly R[]): PreparedRecords<R> {
  return { records, features: model.comparisons.map((c) => records.map((r) => c.prepare(r))) };
}

/**
 * Writes the level index of each comparison for pair (i, j) into `out` from `offset`.
 *
 * @example
 * const gamma = new Uint8Array(model.comparisons.length);
 * comparePair(model, incoming, 0, registry, 5, gamma);
 */
export function comparePair<R>(model: ResolvedModel<R>, a: PreparedRecords<R>, i: number, b: PreparedRecords<R>, j: number, out: Uint8Array, offset = 0): void {
  const comparisons = model.comparisons;
  for (let c = 0; c < comparisons.length; c++) {
    out[offset + c] = levelIndex(comparisons[c], a.features[c][i], b.features[c][j]);
  }
}
