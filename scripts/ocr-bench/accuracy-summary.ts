/**
 * Sums scored fields into the benchmark's figures: character error rate, field accuracy after normalization,
 * silent error rate and review load; the confidence calibration of right and wrong fields; and a replay of the
 * low-confidence rule at other thresholds, to choose it from data.
 */
import { isSilentError, type FieldOutcome } from './field-outcome.js';

export interface AccuracySummary {
  fields: number;
  correct: number;
  /** correct / fields. */
  accuracy: number;
  /** Fields absent from the read record. */
  missing: number;
  silent: number;
  /** Wrong or missing fields nobody will look at, over all truth fields. */
  silentRate: number;
  flagged: number;
  /** Share of truth fields a person is asked about. */
  reviewShare: number;
  edits: number;
  truthChars: number;
  /** Σ Levenshtein(read, truth) / Σ truth characters, over fields (after post-correction). */
  cer: number;
  /** The same over the raw OCR text, before post-correction. */
  ocrCer: number;
}

/**
 * @example
 * summarizeFields(outcomes.filter((o) => o.level === 'clean')).accuracy; // 0.994
 */
export function summarizeFields(outcomes: readonly FieldOutcome[]): AccuracySummary {
  const n = outcomes.length;
  const count = (test: (o: FieldOutcome) => boolean): number => outcomes.reduce((s, o) => s + (test(o) ? 1 : 0), 0);
  const sum = (get: (o: FieldOutcome) => number): number => outcomes.reduce((s, o) => s + get(o), 0);
  const correct = count((o) => o.correct);
  const silent = count(isSilentError);
  const flagged = count((o) => o.flagged);
  const edits = sum((o) => o.edits);
  const truthChars = sum((o) => o.truthChars);
  return {
    fields: n, correct, accuracy: ratio(correct, n), missing: count((o) => o.read === null),
    silent, silentRate: ratio(silent, n), flagged, reviewShare: ratio(flagged, n),
    edits, truthChars, cer: ratio(edits, truthChars), ocrCer: ratio(sum((o) => o.ocrEdits), truthChars),
  };
}

/** Field-confidence buckets of the calibration table; `missing` holds fields that were not read. */
export const CONFIDENCE_BUCKETS = [
  { label: '<0.5', below: 0.5 },
  { label: '0.5–0.7', below: 0.7 },
  { label: '0.7–0.8', below: 0.8 },
  { label: '0.8–0.9', below: 0.9 },
  { label: '≥0.9', below: Infinity },
] as const;

export interface Calibration {
  /** Bucket labels, then 'missing'. */
  labels: string[];
  right: number[];
  wrong: number[];
  /** Of the wrong fields per bucket, those nobody will look at. */
  wrongSilent: number[];
}

/**
 * How confident OCR was about the fields it got right and wrong.
 *
 * @example
 * calibrate(outcomes).wrong; // [3, 2, 1, 4, 6, 0]: six wrong readings at ≥0.9, none missing
 */
export function calibrate(outcomes: readonly FieldOutcome[]): Calibration {
  const labels = [...CONFIDENCE_BUCKETS.map((b) => b.label), 'missing'];
  const right = labels.map(() => 0);
  const wrong = labels.map(() => 0);
  const wrongSilent = labels.map(() => 0);
  for (const o of outcomes) {
    const i = o.confidence === null ? labels.length - 1 : CONFIDENCE_BUCKETS.findIndex((b) => o.confidence! < b.below);
    if (o.correct) right[i]++;
    else {
      wrong[i]++;
      if (isSilentError(o)) wrongSilent[i]++;
    }
  }
  return { labels, right, wrong, wrongSilent };
}

export interface ThresholdReplay {
  threshold: number;
  silent: number;
  silentRate: number;
  reviewShare: number;
}

/**
 * What the silent error rate and review load would be if the low-confidence rule used `threshold` instead of
 * today's 0.8: a field goes to review when a field check flags it or its confidence is below the threshold.
 *
 * @example
 * replayThresholds(outcomes, [0.8, 0.9]); // [{ threshold: 0.8, silentRate: 0.004, reviewShare: 0.06 }, …]
 */
export function replayThresholds(outcomes: readonly FieldOutcome[], thresholds: readonly number[]): ThresholdReplay[] {
  return thresholds.map((threshold) => {
    let silent = 0;
    let flagged = 0;
    for (const o of outcomes) {
      const sent = o.flaggedByCheck || (o.reviewConfidence !== null && o.reviewConfidence < threshold);
      if (sent) flagged++;
      else if (!o.correct) silent++;
    }
    return { threshold, silent, silentRate: ratio(silent, outcomes.length), reviewShare: ratio(flagged, outcomes.length) };
  });
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
