import type { Label } from './comparison.js';

/**
 * A hard guard: a contradiction between two records that forbids an automatic merge whatever the weight
 * (two different valid personal IDs, different sex). Such a pair goes to review at most, and clustering splits
 * any cluster that would hold both.
 *
 * @example
 * const differentSex: Guard<PersonValues> = { name: 'different_sex', label: label('khác giới tính', 'different sex'),
 *   contradicts: (a, b) => a.sex !== null && b.sex !== null && a.sex !== b.sex };
 */
export interface Guard<R> {
  name: string;
  label: Label;
  contradicts: (a: R, b: R) => boolean;
}

/**
 * Names of the guards the two records break.
 *
 * @example
 * brokenGuards([differentSex], { sex: 'M' }, { sex: 'F' }); // ['different_sex']
 */
export function brokenGuards<R>(guards: readonly Guard<R>[], a: R, b: R): Guard<R>[] {
  return guards.filter((g) => g.contradicts(a, b));
}
