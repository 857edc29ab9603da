import type { MatchInput, MatchResult, RegistryCandidate } from './match-decision.js';

/**
 * Exact matching: the same valid personal ID is the same person (within the batch and against the registry
 * candidates found by personal ID). A record with an issue that sends it to review is never merged: it is loaded
 * for a person to decide (`flagged`). Nothing is merged on weaker evidence.
 *
 * @example
 * decideExactIdMatches([{ values, outcome: 'ok' }], [{ personId: 42, values: registered }])
 * // → [{ decision: { outcome: 'merged', into: { personId: 42 } }, review: null }]
 */
export function decideExactIdMatches(records: readonly MatchInput[], registry: readonly RegistryCandidate[]): MatchResult[] {
  const registryIds = new Map<string, number>();
  for (const candidate of registry) {
    const id = candidate.values.personal_id;
    if (id && !registryIds.has(id)) registryIds.set(id, candidate.personId);
  }
  const firstInBatch = new Map<string, number>();
  return records.map((record, index): MatchResult => {
    if (record.outcome === 'reject' || !record.values) return { decision: { outcome: 'rejected' }, review: null };
    if (record.outcome === 'review') return { decision: { outcome: 'flagged' }, review: null };
    const id = record.values.personal_id;
    if (!id) return { decision: { outcome: 'new' }, review: null };
    const personId = registryIds.get(id);
    if (personId !== undefined) return { decision: { outcome: 'merged', into: { personId } }, review: null };
    const earlier = firstInBatch.get(id);
    if (earlier !== undefined) return { decision: { outcome: 'merged', into: { batchIndex: earlier } }, review: null };
    firstInBatch.set(id, index);
    return { decision: { outcome: 'new' }, review: null };
  });
}
