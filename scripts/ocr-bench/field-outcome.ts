/**
 * One truth field of one scanned page, scored: what was printed, what hokhau read, whether it is right after
 * normalization, and whether a person will look at it (a review issue on the field, the record rejected, or the
 * page reported as unreadable). A wrong field nobody will look at is a silent error.
 */
import type { Issue } from '../../src/normalize/issue.js';
import type { DamageLevel } from '../synthetic-scans/scan-damage.js';
import { cerLength, levenshtein, cerText } from './levenshtein.js';
import { isScoredField, sameValue, SCORED_FIELDS, type ScoredField } from './field-compare.js';

export interface FieldOutcome {
  level: DamageLevel;
  /** Truth path of the page's file, and the page kind the truth says it is. */
  file: string;
  kind: 'household' | 'member';
  field: ScoredField;
  truth: string;
  /** The value hokhau passes on (after post-correction); null when the field was not read. */
  read: string | null;
  /** What tesseract read before post-correction; null when unknown. */
  ocrText: string | null;
  /** Field confidence in [0, 1] (lowest word confidence); null when not read. */
  confidence: number | null;
  correct: boolean;
  /** A person will see it: review issue, rejected record, or page reported. */
  flagged: boolean;
  /** Flagged by a field check, not only by the low-confidence rule (to replay other thresholds). */
  flaggedByCheck: boolean;
  /**
   * The lowest confidence whose low-confidence review would cover this field (its own, or another address part's:
   * a doubtful address sends every part to review); null when none. The threshold replay tests this one.
   */
  reviewConfidence: number | null;
  /** Levenshtein(read, truth) over the post-corrected text, and over the raw OCR text. */
  edits: number;
  ocrEdits: number;
  truthChars: number;
}

const ID_FIELDS: readonly ScoredField[] = ['personal_id', 'old_id', 'id_any'];
const ADDRESS_FIELDS: readonly ScoredField[] = ['address', 'hamlet', 'commune', 'district', 'province'];
const BIRTH_FIELDS = ['birth_date', 'birth_year', 'birth_day', 'birth_month', 'birth_year_male', 'birth_year_female'];
const NAME_PARTS = ['full_name', 'family_middle', 'given_name'];

/**
 * The scored fields a person is asked about, from a record's issues. Issues name a raw field or a canonical one:
 * 'address' covers every address part, an ID issue covers the three ID columns, a birth-date issue the date,
 * 'record' every field. Warnings do not count: nobody has to look at them.
 *
 * @example
 * flaggedFields([{ field: 'address', code: 'address_unmatched', severity: 'review', message: '…' }]);
 * // Set { 'address', 'hamlet', 'commune', 'district', 'province' }
 */
export function flaggedFields(issues: readonly Pick<Issue, 'field' | 'severity'>[]): Set<ScoredField> {
  const out = new Set<ScoredField>();
  for (const issue of issues) {
    if (issue.severity === 'warning') continue;
    const f = issue.field;
    const covered: readonly ScoredField[] =
      f === 'record' ? SCORED_FIELDS
        : ID_FIELDS.includes(f as ScoredField) ? ID_FIELDS
          : ADDRESS_FIELDS.includes(f as ScoredField) ? ADDRESS_FIELDS
            : BIRTH_FIELDS.includes(f) ? ['birth_date']
              : NAME_PARTS.includes(f) ? ['full_name']
                : isScoredField(f) ? [f] : [];
    for (const c of covered) out.add(c);
  }
  return out;
}

export interface ReadField {
  read: string | null;
  ocrText: string | null;
  confidence: number | null;
}

/**
 * Scores one truth field against what was read.
 *
 * @example
 * scoreField({ level: 'clean', file: 'clean/so-1/trang-02.png', kind: 'member', field: 'sex', truth: 'Nữ' },
 *   { read: 'Nam', ocrText: 'Nam', confidence: 0.93 }, { flagged: false, flaggedByCheck: false }, today);
 * // { correct: false, flagged: false, edits: 2, truthChars: 2, … }: a silent error
 */
export function scoreField(
  page: Pick<FieldOutcome, 'level' | 'file' | 'kind' | 'field' | 'truth'>,
  got: ReadField,
  review: { flagged: boolean; flaggedByCheck: boolean; reviewConfidence?: number | null },
  today: Date,
): FieldOutcome {
  const read = got.read === null || cerText(got.read) === '' ? null : got.read;
  return {
    ...page,
    read,
    ocrText: got.ocrText,
    confidence: read === null ? null : got.confidence,
    correct: sameValue(page.field, page.truth, read, today),
    flagged: review.flagged,
    flaggedByCheck: review.flaggedByCheck,
    reviewConfidence: review.reviewConfidence !== undefined ? review.reviewConfidence : read === null ? null : got.confidence,
    edits: levenshtein(cerText(read), cerText(page.truth)),
    ocrEdits: levenshtein(cerText(got.ocrText ?? read), cerText(page.truth)),
    truthChars: cerLength(page.truth),
  };
}

/** Wrong (or missing) and nobody will look at it. */
export function isSilentError(o: Pick<FieldOutcome, 'correct' | 'flagged'>): boolean {
  return !o.correct && !o.flagged;
}
