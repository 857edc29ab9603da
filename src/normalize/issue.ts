/**
 * A problem found in a record. Bad data is data: normalizers return issues, they never throw.
 *
 * - `reject`: the record cannot be loaded; it goes to quarantine with every reason.
 * - `review`: the record is loaded as `pending_review` and a person must look at it.
 * - `warning`: kept on the record for the reconciliation; nothing to decide.
 *
 * @example
 * const issue: Issue = { field: 'birth_date', code: 'date_impossible', severity: 'reject',
 *   message: 'Ngày sinh không tồn tại: 31/02/1968' };
 */
export type Severity = 'reject' | 'review' | 'warning';

export interface Issue {
  /** Raw or canonical field the issue is about, or 'record'. */
  field: string;
  /** Stable machine code, snake_case (e.g. `personal_id_birth_year_mismatch`). */
  code: string;
  severity: Severity;
  /** Vietnamese, for reviewers: says what is wrong and shows the value. */
  message: string;
}

/** A normalizer's answer: the canonical value (or null) and what was wrong. */
export interface Normalized<T> {
  value: T | null;
  issues: Issue[];
}
