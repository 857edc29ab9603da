import type { PersonValues } from '../normalize/person-values.js';
import { dedupePairs, linkPairs } from './engine/blocking-rule.js';
import { explainPair, renderExplanation } from './engine/explain.js';
import { matchProbability, scorePairs, type Decision } from './engine/fellegi-sunter.js';
import { brokenGuards } from './engine/guard.js';
import type { ResolvedModel } from './engine/model.js';
import { prepareRecords } from './engine/prepared-records.js';
import { termFrequencies } from './engine/term-frequency.js';
import type { MatchInput, MatchResult, MergeTarget, RegistryCandidate } from './match-decision.js';

const MIN_TF_SAMPLE = 1_000;

interface Best {
  weight: number;
  decision: Decision;
  /** Registry candidate index, or batch record index. */
  index: number;
  fromRegistry: boolean;
}

/**
 * Fellegi–Sunter matching of a batch against the registry candidates blocking found and within itself. Per record,
 * in order: the strongest pair decides — merge (automatic), review (flagged, the pair to a person), or new. Records
 * with field issues are flagged whatever their pairs say. Hard guards (two different valid personal IDs, different
 * sex) never merge automatically, including against any record already merged into the same person (no chaining).
 *
 * @example
 * const decisions = decideProbabilistic(model, records, candidates);
 * decisions[3] // { decision: { outcome: 'merged', into: { personId: 42 } }, review: null }
 */
export function decideProbabilistic(
  model: ResolvedModel<PersonValues>,
  records: readonly MatchInput[],
  registry: readonly RegistryCandidate[],
): MatchResult[] {
  const live = records.flatMap((r, i) => (r.values && r.outcome !== 'reject' ? [i] : []));
  const incoming = live.map((i) => records[i].values!);
  const registryValues = registry.map((c) => c.values);
  const left = prepareRecords(model, incoming);
  const right = prepareRecords(model, registryValues);
  // Name frequencies from the batch (a sample of the province; the candidates are biased towards the same names),
  // and only when it is large enough to tell a common name from a rare one.
  const tf = incoming.length + registryValues.length >= MIN_TF_SAMPLE ? termFrequencies(model, left) : undefined;

  const best: (Best | undefined)[] = new Array(incoming.length);
  const consider = (k: number, candidate: Best) => {
    if (candidate.decision === 'distinct') return;
    if (!best[k] || candidate.weight > best[k]!.weight) best[k] = candidate;
  };
  const linked = scorePairs(model, left, right, linkPairs(model.blockingRules, incoming, registryValues), tf);
  for (let p = 0; p < linked.left.length; p++) {
    consider(linked.left[p], { weight: linked.weights[p], decision: linked.decisions[p], index: linked.right[p], fromRegistry: true });
  }
  const within = scorePairs(model, left, left, dedupePairs(model.blockingRules, incoming), tf);
  for (let p = 0; p < within.left.length; p++) {
    // A record can only join one that comes before it.
    const [a, b] = [within.left[p], within.right[p]].sort((x, y) => x - y);
    if (a !== b) consider(b, { weight: within.weights[p], decision: within.decisions[p], index: a, fromRegistry: false });
  }

  const decisions: MatchResult[] = records.map((r) => ({
    decision: { outcome: r.outcome === 'reject' || !r.values ? 'rejected' : 'new' },
    review: null,
  }));
  /** Live index → the live index of the record that stands for its person in this batch (itself when new). */
  const rootOf = new Map<number, number>();
  /** Values of everyone already in a person this batch merged into, for the no-chaining guard. */
  const clusters = new Map<string, PersonValues[]>();
  const keyOf = (target: MergeTarget) => ('personId' in target ? `p${target.personId}` : `b${target.batchIndex}`);

  live.forEach((recordIndex, k) => {
    const candidate = best[k];
    const flaggedForFields = records[recordIndex].outcome === 'review';
    if (!candidate) {
      decisions[recordIndex] = { decision: { outcome: flaggedForFields ? 'flagged' : 'new' }, review: null };
      return;
    }
    let target: MergeTarget;
    let targetValues: PersonValues;
    if (candidate.fromRegistry) {
      target = { personId: registry[candidate.index].personId };
      targetValues = registryValues[candidate.index];
    } else {
      const root = rootOf.get(candidate.index) ?? candidate.index;
      const rootDecision = decisions[live[root]].decision;
      target = rootDecision.outcome === 'merged' ? rootDecision.into : { batchIndex: live[root] };
      targetValues = incoming[root];
    }
    const key = keyOf(target);
    const cluster = clusters.get(key) ?? [targetValues];
    const contradicts = cluster.some((v) => brokenGuards(model.guards, incoming[k], v).length > 0);
    const targetPending = 'batchIndex' in target && decisions[target.batchIndex].decision.outcome === 'flagged';
    if (candidate.decision === 'merge' && !flaggedForFields && !contradicts && !targetPending) {
      decisions[recordIndex] = { decision: { outcome: 'merged', into: target }, review: null };
      rootOf.set(k, candidate.fromRegistry ? k : (rootOf.get(candidate.index) ?? candidate.index));
      clusters.set(key, [...cluster, incoming[k]]);
      return;
    }
    const explanation = explainPair(model, incoming[k], candidate.fromRegistry ? registryValues[candidate.index] : incoming[candidate.index], tf);
    decisions[recordIndex] = {
      decision: { outcome: 'flagged' },
      review: {
        into: target,
        weight: candidate.weight,
        probability: matchProbability(candidate.weight),
        explanationVi: renderExplanation(explanation, 'vi'),
        explanationEn: renderExplanation(explanation, 'en'),
      },
    };
  });
  return decisions;
}
