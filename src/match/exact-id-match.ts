import type { PersonValues } from '../normalize/person-values.js';

/** What happens to one incoming record. */
export type MatchDecision =
  | { outcome: 'rejected' }
  | { outcome: 'flagged' }
  | { outcome: 'new' }
  | { outcome: 'merged'; into: MergeTarget };

/** A registry person, or an earlier record of the same batch (by its index). */
export type MergeTarget = { personId: number } | { batchIndex: number };

export interface MatchInput {
  values: PersonValues | null;
  outcome: 'ok' | 'review' | 'reject';
}

/**
 * Exact matching: the same valid personal ID is the same person. A record with an ID issue (or any issue that
 * sends it to review) is never merged; it is loaded for a person to decide (`flagged`).
 *
 * `registryIds` maps personal IDs already in the registry (active persons) to their person id.
 *
 * @example
 * decideExactIdMatches([{ values, outcome: 'ok' }], new Map([['011068001234', 42]]))
 * // → [{ outcome: 'merged', into: { personId: 42 } }]
 */
export function decideExactIdMatches(records: readonly MatchInput[], registryIds: ReadonlyMap<string, number>): MatchDecision[] {
  const firstInBatch = new Map<string, number>();
  return records.map((record, index): MatchDecision => {
    if (record.outcome === 'reject' || !record.values) return { outcome: 'rejected' };
    if (record.outcome === 'review') return { outcome: 'flagged' };
    const id = record.values.personal_id;
    if (!id) return { outcome: 'new' };
    const personId = registryIds.get(id);
    if (personId !== undefined) return { outcome: 'merged', into: { personId } };
    const earlier = firstInBatch.get(id);
    if (earlier !== undefined) return { outcome: 'merged', into: { batchIndex: earlier } };
    firstInBatch.set(id, index);
    return { outcome: 'new' };
  });
}
