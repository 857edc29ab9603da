import type { PersonValues } from '../normalize/person-values.js';

/**
 * What happens to one incoming record: loaded as a new person, merged into a person (automatically), flagged
 * (loaded pending review), or rejected (quarantined).
 *
 * @example
 * const d: MatchDecision = { outcome: 'merged', into: { personId: 42 } };
 */
export type MatchDecision =
  | { outcome: 'rejected' }
  | { outcome: 'flagged' }
  | { outcome: 'new' }
  | { outcome: 'merged'; into: MergeTarget };

/** A registry person, or an earlier record of the same batch (by its index). */
export type MergeTarget = { personId: number } | { batchIndex: number };

/** A normalized record as matching sees it. */
export interface MatchInput {
  values: PersonValues | null;
  outcome: 'ok' | 'review' | 'reject';
  /** Where it was read: its household within the file groups members without a book number. */
  source?: { householdKey: string | null };
}

/** A registry person that blocking found for this batch. */
export interface RegistryCandidate {
  personId: number;
  values: PersonValues;
  /** The registry household it belongs to (household evidence); absent or null when none. */
  householdId?: number | null;
  /** Persons a reviewer decided are not this one: a record that is one of them is never paired with this one. */
  differentFrom?: readonly number[];
}

/** The pair a reviewer must decide: the incoming record and the person it may be, with the reasons in words. */
export interface ReviewPair {
  into: MergeTarget;
  weight: number;
  probability: number;
  explanationVi: string;
  explanationEn: string;
}

/** A record's decision, and the pair a reviewer must decide when it is flagged with a likely twin. */
export interface MatchResult {
  decision: MatchDecision;
  /** Set for flagged records that have a likely twin. */
  review: ReviewPair | null;
}
