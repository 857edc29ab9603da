import type { PersonValues } from '../normalize/person-values.js';
import { dedupePairs, indexBlocks, linkPairs, type BlockIndex } from './engine/blocking-rule.js';
import { explainPair, renderExplanation, type PairExplanation } from './engine/explain.js';
import { matchProbability, scorePairs, type Decision, type ScoredPairs } from './engine/fellegi-sunter.js';
import { brokenGuards } from './engine/guard.js';
import { expandHouseholdPairs, householdBonus, householdSupport, withHouseholdPart } from './engine/household-evidence.js';
import type { ResolvedModel } from './engine/model.js';
import { prepareRecords, prepareRecordsAt } from './engine/prepared-records.js';
import { termFrequencies } from './engine/term-frequency.js';
import { idKey } from './engine/comparisons/id-comparison.js';
import type { MatchInput, MatchResult, MergeTarget, RegistryCandidate } from './match-decision.js';

const MIN_TF_SAMPLE = 1_000;

interface Best {
  weight: number;
  decision: Decision;
  /** Registry candidate index, or batch record index. */
  index: number;
  fromRegistry: boolean;
  /** Other household members that support the pair (registry pairs only). */
  householdMembers: number;
}

/** Household of an incoming record: its book number, else the household block of its file. */
function incomingHousehold(record: MatchInput): string | null {
  const book = idKey(record.values?.household_book_no);
  if (book) return `book:${book}`;
  return record.source?.householdKey ? `file:${record.source.householdKey}` : null;
}

/** Household of a registry person: its book number (comparable with the incoming), else its household row. */
function registryHousehold(candidate: RegistryCandidate): string | null {
  const book = idKey(candidate.values.household_book_no);
  if (book) return `book:${book}`;
  return candidate.householdId != null ? `registry:${candidate.householdId}` : null;
}

/** The batch side of a decision: live records, their values prepared, name frequencies and households. */
interface BatchSide {
  live: number[];
  incoming: PersonValues[];
  left: ReturnType<typeof prepareRecords<PersonValues>>;
  tf: ReturnType<typeof termFrequencies> | undefined;
  households: (string | null)[];
  /** The batch's blocks under each rule, shared by both phases and the within-batch search. */
  blocks: BlockIndex;
}

/**
 * Blocked pairs between the batch and `registry` (indices from `offset` on), scored: only the candidates some pair
 * reaches are prepared, into `right` (shared by every phase, so a candidate is prepared once).
 */
function scoreBlocked(
  model: ResolvedModel<PersonValues>,
  batch: BatchSide,
  registry: readonly PersonValues[],
  offset: number,
  right: ReturnType<typeof prepareRecords<PersonValues>>,
): ScoredPairs {
  const blocked = linkPairs(model.blockingRules, batch.left.records, registry, { leftIndex: batch.blocks });
  if (offset > 0) for (let p = 0; p < blocked.right.length; p++) blocked.right[p] += offset;
  prepareRecordsAt(model, right.records, blocked.right, right);
  return scorePairs(model, batch.left, right, blocked, batch.tf);
}

/**
 * Household evidence over the scored pairs: pairs between members of two households that a pair links at the
 * support weight are scored too, and each pair gains what the other members' matches say.
 */
function withHouseholds(
  model: ResolvedModel<PersonValues>,
  batch: BatchSide,
  registryHouseholds: readonly (string | null)[],
  right: ReturnType<typeof prepareRecords<PersonValues>>,
  scored: ScoredPairs,
): { scored: ScoredPairs; members: Uint8Array } {
  const spec = model.spec.household;
  if (!spec) return { scored, members: new Uint8Array(scored.left.length) };
  const extra = expandHouseholdPairs(scored, batch.households, registryHouseholds, spec.supportWeight, spec.maxExpandedPairs);
  if (extra.left.length > 0) scored = concatScored(scored, scorePairs(model, batch.left, prepareRecordsAt(model, right.records, extra.right, right), extra, batch.tf));
  return { scored, members: householdSupport(scored, batch.households, registryHouseholds, spec.supportWeight) };
}

function concatScored(a: ScoredPairs, b: ScoredPairs): ScoredPairs {
  const join = <T extends Int32Array | Uint8Array | Float64Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    left: join(a.left, b.left, (n) => new Int32Array(n)),
    right: join(a.right, b.right, (n) => new Int32Array(n)),
    levels: join(a.levels, b.levels, (n) => new Uint8Array(n)),
    weights: join(a.weights, b.weights, (n) => new Float64Array(n)),
    decisions: [...a.decisions, ...b.decisions],
  };
}

/** A decision waiting for the registry households its pairs need (see decideInPhases). */
export interface PendingDecision {
  /** Registry persons whose households' other members household evidence needs (pairs at the support weight). */
  householdsOf: number[];
  /** The decisions, given the persons of those households (any order; persons already among the candidates are skipped). */
  finish(members: readonly RegistryCandidate[]): MatchResult[];
}

/**
 * Fellegi–Sunter matching of a batch against the registry candidates blocking found and within itself. Per record,
 * in order: the strongest pair decides — merge (automatic), review (flagged, the pair to a person), or new. Pairs
 * with the registry gain household evidence (other members of the two households match). A pair whose registry side
 * a reviewer already told apart from the person the record matches at least as well is not asked again. Records
 * with field issues are flagged whatever their pairs say. Hard guards (two different valid personal IDs, different
 * sex, contradicting birth dates) never merge automatically, including against any record already merged into the
 * same person (no chaining).
 *
 * `registry` holds every candidate, household members included (decideInPhases fetches those only when needed).
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
  return decideInPhases(model, records, registry).finish([]);
}

/**
 * decideProbabilistic in two phases, for a large registry: the blocked candidates are scored first, and only the
 * households of the pairs that reach the support weight are fetched for household evidence (most blocked candidates
 * are namesakes whose families no pair needs: fetching and preparing them was most of a batch's matching time).
 * The members are blocked against the batch like any candidate, then the households expanded as before.
 *
 * @example
 * const pending = decideInPhases(model, records, blocked);
 * const decisions = pending.finish(await householdMembers(pending.householdsOf));
 */
export function decideInPhases(
  model: ResolvedModel<PersonValues>,
  records: readonly MatchInput[],
  blocked: readonly RegistryCandidate[],
): PendingDecision {
  const live = records.flatMap((r, i) => (r.values && r.outcome !== 'reject' ? [i] : []));
  const incoming = live.map((i) => records[i].values!);
  const left = prepareRecords(model, incoming);
  // Name frequencies from the batch (a sample of the province; the candidates are biased towards the same names),
  // and only when it is large enough to tell a common name from a rare one.
  const tf = incoming.length + blocked.length >= MIN_TF_SAMPLE ? termFrequencies(model, left) : undefined;
  const batch: BatchSide = { live, incoming, left, tf, households: live.map((i) => incomingHousehold(records[i])), blocks: indexBlocks(model.blockingRules, incoming) };
  const blockedValues = blocked.map((c) => c.values);
  const right = { records: blockedValues, features: model.comparisons.map(() => new Array<unknown>(blocked.length)) };
  const first = scoreBlocked(model, batch, blockedValues, 0, right);
  const support = model.spec.household?.supportWeight;
  const householdsOf = new Set<number>();
  if (support !== undefined) {
    for (let p = 0; p < first.left.length; p++) {
      if (first.weights[p] < support || batch.households[first.left[p]] === null) continue;
      const candidate = blocked[first.right[p]];
      if (registryHousehold(candidate) !== null) householdsOf.add(candidate.personId);
    }
  }
  return {
    householdsOf: [...householdsOf].sort((a, b) => a - b),
    finish: (members) => {
      const known = new Set(blocked.map((c) => c.personId));
      const added = members.filter((c) => !known.has(c.personId) && (known.add(c.personId), true));
      const registry = added.length > 0 ? [...blocked, ...added] : blocked;
      let scored = first;
      if (added.length > 0) {
        right.records = registry.map((c) => c.values);
        scored = concatScored(first, scoreBlocked(model, batch, added.map((c) => c.values), blocked.length, right));
      }
      const linked = withHouseholds(model, batch, registry.map(registryHousehold), right, scored);
      return decideFromPairs(model, records, batch, registry, linked);
    },
  };
}

/** Per record, the strongest pair decides (see decideProbabilistic). */
function decideFromPairs(
  model: ResolvedModel<PersonValues>,
  records: readonly MatchInput[],
  batch: BatchSide,
  registry: readonly RegistryCandidate[],
  { scored: linked, members }: { scored: ScoredPairs; members: Uint8Array },
): MatchResult[] {
  const { live, incoming, left, tf } = batch;
  const registryValues = registry.map((c) => c.values);
  const { merge, review } = model.spec.thresholds;

  const best: (Best | undefined)[] = new Array(incoming.length);
  const consider = (k: number, candidate: Best) => {
    if (candidate.decision === 'distinct') return;
    if (!best[k] || candidate.weight > best[k]!.weight) best[k] = candidate;
  };
  const weights = Float64Array.from(linked.weights, (w, p) => (model.spec.household ? w + householdBonus(model.spec.household, members[p]) : w));
  const notAgain = remembered(registry, linked, weights);
  for (let p = 0; p < linked.left.length; p++) {
    if (notAgain.has(p)) continue;
    const k = linked.left[p];
    const j = linked.right[p];
    const w = weights[p];
    let decision: Decision = w >= merge ? 'merge' : w >= review ? 'review' : 'distinct';
    if (decision === 'merge' && brokenGuards(model.guards, incoming[k], registryValues[j]).length > 0) decision = 'review';
    consider(k, { weight: w, decision, index: j, fromRegistry: true, householdMembers: members[p] });
  }
  const within = scorePairs(model, left, left, dedupePairs(model.blockingRules, incoming, { leftIndex: batch.blocks }), tf);
  for (let p = 0; p < within.left.length; p++) {
    // A record can only join one that comes before it.
    const [a, b] = [within.left[p], within.right[p]].sort((x, y) => x - y);
    if (a !== b) consider(b, { weight: within.weights[p], decision: within.decisions[p], index: a, fromRegistry: false, householdMembers: 0 });
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
    let explanation: PairExplanation = explainPair(model, incoming[k], candidate.fromRegistry ? registryValues[candidate.index] : incoming[candidate.index], tf);
    if (model.spec.household) explanation = withHouseholdPart(explanation, model.spec.household, candidate.householdMembers, model.spec.thresholds);
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

/**
 * Pairs not to ask again: (record, j) when a reviewer told j apart from another candidate x that the record matches
 * at least as well (the record is x's, and "is it j?" was already answered no).
 */
function remembered(registry: readonly RegistryCandidate[], pairs: Pick<ScoredPairs, 'left' | 'right'>, weights: Float64Array): Set<number> {
  const out = new Set<number>();
  if (!registry.some((c) => c.differentFrom && c.differentFrom.length > 0)) return out;
  const byRecord = new Map<number, Map<number, number>>();
  for (let p = 0; p < pairs.left.length; p++) {
    const personId = registry[pairs.right[p]].personId;
    const m = byRecord.get(pairs.left[p]) ?? new Map<number, number>();
    m.set(personId, Math.max(m.get(personId) ?? -Infinity, weights[p]));
    byRecord.set(pairs.left[p], m);
  }
  for (let p = 0; p < pairs.left.length; p++) {
    const others = registry[pairs.right[p]].differentFrom;
    if (!others || others.length === 0) continue;
    const m = byRecord.get(pairs.left[p])!;
    if (others.some((x) => (m.get(x) ?? -Infinity) >= weights[p])) out.add(p);
  }
  return out;
}
