/**
 * Term-frequency adjustment (as in Splink): agreeing on a common value is weaker evidence than agreeing on a rare
 * one. "Nguyễn Văn Hùng" agreeing says less than "Giàng A Páo" agreeing.
 */
import type { ResolvedModel } from './model.js';
import type { PreparedRecords } from './prepared-records.js';

/** Per comparison (null when it has no TF value): value → relative frequency among the records counted. */
export type TermFrequencies = (ReadonlyMap<string, number> | null)[];

/**
 * Counts each TF comparison's values over the given record sets (e.g. the registry and the batch).
 *
 * @example
 * const tf = termFrequencies(model, registry, incoming);
 * tf[0]!.get('nguyen van hung'); // 0.0031
 */
export function termFrequencies<R>(model: ResolvedModel<R>, ...sets: PreparedRecords<R>[]): TermFrequencies {
  return model.comparisons.map((comparison, c) => {
    const valueOf = comparison.tfValue;
    if (!valueOf || !comparison.levels.some((l) => l.tf)) return null;
    const counts = new Map<string, number>();
    let total = 0;
    for (const set of sets) {
      for (const features of set.features[c]) {
        const v = valueOf(features);
        if (v === null) continue;
        counts.set(v, (counts.get(v) ?? 0) + 1);
        total++;
      }
    }
    for (const [v, n] of counts) counts.set(v, n / total);
    return counts;
  });
}

/**
 * Weight added at a TF level: log2(u of agreeing / frequency of this value). The u of agreeing is the sum of u over
 * the comparison's TF levels (how often two random people agree on this field at all), so a value as common as
 * average adds nothing, a common one subtracts and a rare one adds.
 *
 * @example
 * tfAdjustment(0.002, 0.03, 1e-6); // log2(0.002 / 0.03) ≈ −3.9 for a very common name
 */
export function tfAdjustment(uAgree: number, frequency: number | undefined, minimum: number): number {
  if (frequency === undefined || !(uAgree > 0)) return 0;
  return Math.log2(uAgree / Math.max(frequency, minimum));
}
