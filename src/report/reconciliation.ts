import type { FileStatus, RunStatus } from '../db/schema.js';

export interface FileReconciliation {
  name: string;
  path: string;
  sha256: string;
  kind: string;
  status: FileStatus;
  /** Why the file failed, or why some of its sheets were rejected (Vietnamese). */
  error: string | null;
  records_in: number;
  new: number;
  merged: number;
  flagged: number;
  rejected: number;
}

/** reconciliation.json: every record that entered the run, accounted for. */
export interface Reconciliation {
  run_id: string;
  status: RunStatus;
  pipeline: string;
  dry_run: boolean;
  started_at: string;
  finished_at: string | null;
  records_in: number;
  new: number;
  merged: number;
  flagged: number;
  rejected: number;
  /** Counts of issues by code over the run (aggregates only: no names or IDs). */
  issues_by_code: Record<string, number>;
  files: FileReconciliation[];
  error: string | null;
  /** Which gazetteer coded this run's addresses. */
  gazetteer_version?: string | null;
}

const COUNTS = ['records_in', 'new', 'merged', 'flagged', 'rejected'] as const;

/**
 * Sums the file counts into the run totals.
 *
 * @example
 * sumFiles(files).records_in
 */
export function sumFiles(files: readonly FileReconciliation[]): Pick<Reconciliation, (typeof COUNTS)[number]> {
  const total = { records_in: 0, new: 0, merged: 0, flagged: 0, rejected: 0 };
  for (const file of files) for (const key of COUNTS) total[key] += file[key];
  return total;
}

/**
 * Checks the books balance: records in = new + merged + flagged + rejected, for the run and every file.
 * Returns the problems in Vietnamese (empty when it reconciles).
 *
 * @example
 * if (checkReconciliation(report).length > 0) status = 'failed';
 */
export function checkReconciliation(report: Pick<Reconciliation, (typeof COUNTS)[number] | 'files'>): string[] {
  const problems: string[] = [];
  const balance = (c: Pick<FileReconciliation, (typeof COUNTS)[number]>) => c.new + c.merged + c.flagged + c.rejected;
  if (report.records_in !== balance(report)) {
    problems.push(`Số bản ghi không khớp: vào ${report.records_in} ≠ ${balance(report)} (records do not reconcile)`);
  }
  for (const file of report.files) {
    if (file.records_in !== balance(file)) {
      problems.push(`Tệp ${file.name}: vào ${file.records_in} ≠ ${balance(file)} (file does not reconcile)`);
    }
  }
  return problems;
}
