/**
 * Household evidence: a family is written in one book, so when other members of an incoming household match members
 * of a registry household, each pair between the two households is more likely the same person. This is what finds
 * a household that moved (new book number, new address) and was written with year-only dates or typos: no single
 * member's pair says enough, the family together does.
 *
 * Pure and model-agnostic: households are string keys per record, pairs are index arrays with their weights.
 */
import { label, type Label } from './comparison.js';
import type { PairExplanation } from './explain.js';
import { matchProbability } from './fellegi-sunter.js';

/** The model's household-evidence parameters (serialised with the model). */
export interface HouseholdEvidenceSpec {
  /** A pair of two other members supports the households' match from this base weight (log2 odds) up. */
  supportWeight: number;
  /** Bits added per other member that supports (log2 of how much likelier that is for one family than for two). */
  bitsPerMember: number;
  /** Support counted from at most this many members. */
  maxMembers: number;
  /** Pairs of two households each this large at most are expanded to all their members (bounds the cost). */
  maxExpandedPairs: number;
}

export interface WeightedPairs {
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  weights: ArrayLike<number>;
}

const SEP = '\u001f';

function membersByHousehold(households: readonly (string | null)[]): Map<string, number[]> {
  const members = new Map<string, number[]>();
  households.forEach((h, i) => {
    if (h === null) return;
    const list = members.get(h);
    if (list) list.push(i);
    else members.set(h, [i]);
  });
  return members;
}

/**
 * The pairs between members of two households that some pair already links at `anchorWeight` or more, which blocking
 * did not produce: a family member whose name has a typo is still compared with the registry member it is.
 * Households with the same key on both sides (same book) are skipped: the book already brought them together.
 *
 * @example
 * // incoming household A = [0, 1], registry household X = [5, 6]; pair (0, 5) is strong → adds (0, 6), (1, 5), (1, 6).
 * expandHouseholdPairs({ left: [0], right: [5], weights: [12] }, ['A', 'A'], hhOfRegistry, -4, 400);
 */
export function expandHouseholdPairs(
  pairs: WeightedPairs,
  leftHousehold: readonly (string | null)[],
  rightHousehold: readonly (string | null)[],
  anchorWeight: number,
  maxExpandedPairs: number,
): { left: Int32Array; right: Int32Array } {
  const leftMembers = membersByHousehold(leftHousehold);
  const rightMembers = membersByHousehold(rightHousehold);
  const width = rightHousehold.length;
  const seen = new Set<number>();
  for (let p = 0; p < pairs.left.length; p++) seen.add(pairs.left[p] * width + pairs.right[p]);
  const done = new Set<string>();
  const outLeft: number[] = [];
  const outRight: number[] = [];
  for (let p = 0; p < pairs.left.length; p++) {
    if (pairs.weights[p] < anchorWeight) continue;
    const hl = leftHousehold[pairs.left[p]];
    const hr = rightHousehold[pairs.right[p]];
    if (hl === null || hr === null || hl === hr) continue;
    const key = hl + SEP + hr;
    if (done.has(key)) continue;
    done.add(key);
    const ls = leftMembers.get(hl)!;
    const rs = rightMembers.get(hr)!;
    if (ls.length * rs.length > maxExpandedPairs) continue;
    for (const i of ls) {
      for (const j of rs) {
        const id = i * width + j;
        if (seen.has(id)) continue;
        seen.add(id);
        outLeft.push(i);
        outRight.push(j);
      }
    }
  }
  return { left: Int32Array.from(outLeft), right: Int32Array.from(outRight) };
}

/**
 * For each pair (i, j): how many other members of i's household match (base weight ≥ `supportWeight`) another member
 * of j's household. 0 when either has no household, or both have the same one (same book: the book comparison
 * already counted that).
 *
 * @example
 * // Lò Văn Pánh ↔ Lò Văn Pánh (moved, year only), his wife and son also match their registry twins → 2.
 * householdSupport(scored, incomingHouseholds, registryHouseholds, -4)[p]; // 2
 */
export function householdSupport(
  pairs: WeightedPairs,
  leftHousehold: readonly (string | null)[],
  rightHousehold: readonly (string | null)[],
  supportWeight: number,
): Uint8Array {
  const n = pairs.left.length;
  const strong = new Map<string, number[]>();
  const keyOf = (p: number): string | null => {
    const hl = leftHousehold[pairs.left[p]];
    const hr = rightHousehold[pairs.right[p]];
    return hl === null || hr === null || hl === hr ? null : hl + SEP + hr;
  };
  for (let p = 0; p < n; p++) {
    if (pairs.weights[p] < supportWeight) continue;
    const key = keyOf(p);
    if (key === null) continue;
    const list = strong.get(key);
    if (list) list.push(p);
    else strong.set(key, [p]);
  }
  const support = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const key = keyOf(p);
    const list = key === null ? undefined : strong.get(key);
    if (!list) continue;
    const i = pairs.left[p];
    const j = pairs.right[p];
    const members = new Set<number>();
    for (const q of list) if (pairs.left[q] !== i && pairs.right[q] !== j) members.add(pairs.left[q]);
    support[p] = Math.min(members.size, 255);
  }
  return support;
}

/** Bits the household evidence adds for `members` supporting members. */
export function householdBonus(spec: HouseholdEvidenceSpec, members: number): number {
  return Math.min(members, spec.maxMembers) * spec.bitsPerMember;
}

const HOUSEHOLD_LABEL = (members: number): Label =>
  label(`${members} người khác trong hộ cũng khớp với hộ kia`, `${members} other household member${members === 1 ? '' : 's'} also match`);

/**
 * The explanation with the household evidence as one more part (weight, probability and decision updated).
 *
 * @example
 * renderExplanation(withHouseholdPart(e, spec, 2, { merge: 13, review: 0 })); // '… ; 2 người khác trong hộ cũng khớp với hộ kia +12.0'
 */
export function withHouseholdPart(
  explanation: PairExplanation,
  spec: HouseholdEvidenceSpec,
  members: number,
  thresholds: { merge: number; review: number },
): PairExplanation {
  const bonus = householdBonus(spec, members);
  if (bonus === 0) return explanation;
  const weight = explanation.weight + bonus;
  const decision = weight >= thresholds.merge ? (explanation.guards.length > 0 ? 'review' : 'merge') : weight >= thresholds.review ? 'review' : 'distinct';
  return {
    ...explanation,
    weight,
    probability: matchProbability(weight),
    decision,
    parts: [...explanation.parts, { comparison: 'household', level: `members_${members}`, label: HOUSEHOLD_LABEL(members), weight: bonus, isNull: false }],
  };
}
