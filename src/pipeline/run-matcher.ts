import type { CandidateKey } from '../db/find-candidates.js';
import { ALL_CANDIDATE_KEYS } from '../db/find-candidates.js';
import type { DecideMatches } from '../db/load-batch.js';
import type { Registry } from '../db/open-registry.js';
import { decideInPhases } from '../match/decide-probabilistic.js';
import { decideExactIdMatches } from '../match/exact-id-match.js';
import type { PipelineDefinition } from './pipeline-definition.js';
import { runMatchModel } from './run-match-model.js';

export interface RunMatcher {
  decide: DecideMatches;
  /** The blocking keys the registry search needs. */
  candidateKeys: readonly CandidateKey[];
  /** The serialised model, for the run ledger (null for exact-ID matching). */
  modelJson: string | null;
}

/**
 * The pipeline's matching method, ready for a run: exact-ID (registry searched by personal ID only) or the
 * probabilistic model (u from this registry, every blocking key; households of promising pairs fetched after scoring).
 *
 * @example
 * const matcher = await runMatcher(registry, pipeline);
 */
export async function runMatcher(registry: Pick<Registry, 'db'>, pipeline: PipelineDefinition): Promise<RunMatcher> {
  if (pipeline.matching.method === 'exact_id') {
    return { decide: decideExactIdMatches, candidateKeys: ['personal_id'], modelJson: null };
  }
  const { model, json } = await runMatchModel(registry, pipeline.matching.thresholds);
  // Households are fetched in a second phase, only for the pairs whose household evidence counts (decideInPhases).
  const candidateKeys = ALL_CANDIDATE_KEYS.filter((k) => k !== 'household');
  return { decide: (records, candidates) => decideInPhases(model, records, candidates), candidateKeys, modelJson: json };
}
