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
 * Computes the features of only the records at `indices` (into `into` when given, else a new set): a registry
 * candidate set is mostly household members that no pair reaches, and preparing them was most of a batch's
 * matching time. Features of other records stay undefined, so only pairs of prepared records may be compared.
 *
 * @example
 * const registry = prepareRecordsAt(model, candidates, pairs.right);
 * prepareRecordsAt(model, candidates, extra.right, registry); // household pairs found later
 */
export function prepareRecordsAt<R>(model: ResolvedModel<R>, records: readonly R[], indices: ArrayLike<number>, into?: PreparedRecords<R>): PreparedRecords<R> {
  const prepared = into ?? { records, features: model.comparisons.map(() => new Array<unknown>(records.length)) };
  const done = new Uint8Array(records.length);
  for (let k = 0; k < indices.length; k++) {
    const j = indices[k];
    if (done[j]) continue;
    done[j] = 1;
    if (into && model.comparisons.length > 0 && j in into.features[0]) continue;
    model.comparisons.forEach((c, ci) => (prepared.features[ci][j] = c.prepare(records[j])));
  }
  return prepared;
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
