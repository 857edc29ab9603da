/**
 * A comparison is data (Splink's idea): an ordered list of levels, each a test with a human label.
 * The first level whose test passes is the pair's level; m/u for each level live in the model.
 */

/** A label a person reads (Vietnamese) and its English twin for logs and the code's readers. */
export interface Label {
  vi: string;
  en: string;
}

/** One level of a comparison, tested on the features `prepare` computed for each record. */
export interface ComparisonLevel<F> {
  /** Stable key the model's m/u refer to: 'null', 'exact', 'tone', 'fold', 'jw92', 'else'… */
  key: string;
  /** Says what the pair has in common, as a phrase: "cùng số định danh", "ngày sinh khác". */
  label: Label;
  /** The null level: a value is missing, so the comparison says nothing (weight 0). */
  isNull?: boolean;
  /** Term-frequency adjusted: agreeing on a common value weighs less (see term-frequency.ts). */
  tf?: boolean;
  /** Starting m and u before training (EM and random pairs replace them). */
  m: number;
  u: number;
  /** Absent on the last ("else") level, which always passes. */
  test?: (a: F, b: F) => boolean;
}

/**
 * A declared comparison over records of type R. `prepare` runs once per record (keys, folds), so the level
 * tests on each candidate pair stay cheap.
 *
 * @example
 * const sex: Comparison<Person, string | null> = {
 *   name: 'sex', label: { vi: 'giới tính', en: 'sex' }, prepare: (p) => p.sex,
 *   levels: [{ key: 'null', isNull: true, …, test: (a, b) => !a || !b }, { key: 'exact', …, test: (a, b) => a === b }, { key: 'else', … }],
 * };
 */
export interface Comparison<R, F = unknown> {
  name: string;
  label: Label;
  prepare: (record: R) => F;
  levels: readonly ComparisonLevel<F>[];
  /** Value whose frequency drives the TF adjustment (e.g. the folded full name); null = not counted. */
  tfValue?: (features: F) => string | null;
}

/**
 * Index of the first level whose test passes (the last level is the fallback).
 *
 * @example
 * levelIndex(sexComparison, 'M', 'F'); // 2 ('else')
 */
export function levelIndex<F>(comparison: Pick<Comparison<unknown, F>, 'levels'>, a: F, b: F): number {
  const levels = comparison.levels;
  for (let i = 0; i < levels.length - 1; i++) {
    if (levels[i].test!(a, b)) return i;
  }
  return levels.length - 1;
}

/** Shorthand for a level's label. */
export function label(vi: string, en: string): Label {
  return { vi, en };
}
