import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { applyPairDecisions, findReviewStates, lastReviewAudit, type PairDecision, type ReviewState } from '../db/match-reviews.js';
import { openRegistry } from '../db/open-registry.js';
import { UsageError } from '../errors.js';
import { readCsvGrid } from '../ingest/csv-reader.js';
import type { Grid } from '../ingest/source-record.js';
import { readXlsxGrids, sniffSpreadsheetKind } from '../ingest/xlsx-reader.js';
import { mergePersonValues } from '../match/merge-person-values.js';
import { findReviewColumns, parseReviewDecision, type ReviewDecision } from '../report/review-duplicates-csv.js';

/** One filled-in row of a review file, as read: `line` is the row number Excel shows. */
export interface ReviewFileRow {
  line: number;
  pairId: string;
  decision: string;
}

/** What a row asks for once checked against the registry. */
export type CheckedRow =
  | { kind: 'apply'; line: number; reviewId: number; decision: 'same' | 'different' }
  | { kind: 'skip' | 'undecided' | 'unchanged'; line: number; reviewId: number }
  | { kind: 'invalid'; line: number; message: string };

const DECISION_VI: Record<string, string> = { same: 'trùng', different: 'khác', skip: 'bỏ qua', skipped: 'bỏ qua', open: 'chưa quyết định' };

/**
 * Reads the pair id and decision of every row under the review file's header (searched in the first rows, so a
 * title line above it does no harm). Null when no sheet has the header: the file is not a review-duplicates file.
 */
export function readReviewRows(grids: readonly Grid[]): ReviewFileRow[] | null {
  for (const grid of grids) {
    const headerAt = grid.rows.slice(0, 20).findIndex((row) => findReviewColumns(row.cells) !== null);
    if (headerAt < 0) continue;
    const columns = findReviewColumns(grid.rows[headerAt].cells)!;
    return grid.rows
      .slice(headerAt + 1)
      .map((row) => ({ line: row.rowNumber, pairId: (row.cells[columns.pairId] ?? '').trim(), decision: row.cells[columns.decision] ?? '' }))
      .filter((row) => row.pairId !== '' || row.decision.trim() !== '');
  }
  return null;
}

/** '12', '12.0' (a number Excel re-saved) → 12. */
function parsePairId(text: string): number | null {
  const match = /^(\d{1,15})(?:[.,]0+)?$/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Checks every row against the registry before anything is applied (pure): a known pair, a decision we understand,
 * the pair still open or already decided the same way, one merge target per pending person, no row contradicting
 * another. Every problem is reported, in Vietnamese, with its line.
 *
 * @example
 * checkReviewRows([{ line: 2, pairId: '12', decision: 'Trùng' }], states) // [{ kind: 'apply', line: 2, reviewId: 12, decision: 'same' }]
 */
export function checkReviewRows(rows: readonly ReviewFileRow[], states: ReadonlyMap<number, ReviewState>): CheckedRow[] {
  const seen = new Map<number, { line: number; decision: ReviewDecision | '' }>();
  const mergeTarget = new Map<number, { line: number; target: number }>();
  return rows.map((row): CheckedRow => {
    const invalid = (message: string): CheckedRow => ({ kind: 'invalid', line: row.line, message: `Dòng ${row.line}: ${message}` });
    if (row.pairId === '') return invalid('thiếu mã cặp.');
    const reviewId = parsePairId(row.pairId);
    if (reviewId === null) return invalid(`mã cặp "${row.pairId}" không phải là số.`);
    const state = states.get(reviewId);
    if (!state) return invalid(`không có cặp số ${reviewId} trong sổ đăng ký.`);
    const decision = parseReviewDecision(row.decision);
    if (decision === null) return invalid(`quyết định "${row.decision.trim()}" không hợp lệ; hãy ghi trùng, khác hoặc bỏ qua (same / different / skip), hoặc để trống.`);
    const earlier = seen.get(reviewId);
    if (earlier && earlier.decision !== decision) return invalid(`cặp số ${reviewId} đã có ở dòng ${earlier.line} với quyết định khác.`);
    seen.set(reviewId, { line: row.line, decision });
    if (decision === '') return { kind: 'undecided', line: row.line, reviewId };

    const decided = state.status === 'same' || state.status === 'different';
    if (decided) {
      if (decision === 'skip' || decision === state.status) return { kind: 'unchanged', line: row.line, reviewId };
      return invalid(
        `cặp số ${reviewId} đã được quyết định là "${DECISION_VI[state.status]}"` +
          `${state.decided_by ? ` (${state.decided_by}, ${state.decided_at?.slice(0, 10)})` : ''}; không đổi thành "${DECISION_VI[decision]}" được.`,
      );
    }
    if (decision === 'skip') return { kind: 'skip', line: row.line, reviewId };
    if (state.remembered && state.remembered !== decision) {
      return invalid(`hai người của cặp số ${reviewId} đã được quyết định là "${DECISION_VI[state.remembered]}" ở một lần duyệt trước.`);
    }
    if (decision === 'same') {
      if (state.person_status === 'merged' && state.person_now !== state.candidate_now) {
        return invalid(`người số ${state.person_id} đã được gộp vào người số ${state.person_now}, không gộp thêm vào người số ${state.candidate_person_id} được.`);
      }
      const other = mergeTarget.get(state.person_id);
      if (other && other.target !== state.candidate_now) {
        return invalid(`người số ${state.person_id} đã được ghi trùng với người khác ở dòng ${other.line}; một người chỉ gộp được vào một người.`);
      }
      mergeTarget.set(state.person_id, { line: row.line, target: state.candidate_now });
    }
    return { kind: 'apply', line: row.line, reviewId, decision };
  });
}

export interface ApplyDuplicateReviewsOptions {
  dbUrl: string;
  file: string;
  reviewer: string;
  /** Injectable clock for tests. */
  now?: () => Date;
}

export interface ApplyDuplicateReviewsResult {
  fileName: string;
  sha256: string;
  /** Decisions written now: merges and separations. */
  applied: { same: number; different: number };
  /** Rows that changed nothing: already decided the same way. */
  unchanged: number;
  /** Rows marked bỏ qua (left open) and rows with no decision yet. */
  skipped: number;
  undecided: number;
  /** Every bad row's message; when not empty, nothing was applied. */
  invalid: string[];
  merged: number;
  activated: number;
  /** When a file with the same bytes was applied before. */
  previouslyAppliedAt: string | null;
}

/**
 * `hokhau review apply`: reads a review-duplicates file (CSV as Excel saves it, or .xlsx), checks every row, and —
 * only if no row is bad — applies the decisions in one transaction with an audit row. Running it again on the same
 * file changes nothing.
 *
 * @throws UsageError when the file is missing or is not a review-duplicates file, or the reviewer is empty.
 * @example
 * const r = await applyDuplicateReviews({ dbUrl: 'data/registry.sqlite', file: 'review-duplicates.csv', reviewer: 'Lò Thị Mai' });
 */
export async function applyDuplicateReviews(options: ApplyDuplicateReviewsOptions): Promise<ApplyDuplicateReviewsResult> {
  const reviewer = options.reviewer.trim();
  if (reviewer === '') throw new UsageError('Hãy ghi tên người duyệt: --reviewer "<họ tên>" (the reviewer name is required).');
  let bytes: Buffer;
  try {
    bytes = await readFile(options.file);
  } catch {
    throw new UsageError(`Không đọc được tệp ${options.file} (file not found or unreadable).`);
  }
  const fileName = basename(options.file);
  const rows = readReviewRows(await readGrids(bytes, fileName));
  if (rows === null) {
    throw new UsageError(
      `Tệp ${fileName} không phải tệp review-duplicates.csv: không thấy cột "mã cặp" và cột "quyết định". Không áp dụng gì.`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const registry = await openRegistry(options.dbUrl);
  try {
    const ids = [...new Set(rows.flatMap((r) => { const id = parsePairId(r.pairId); return id === null ? [] : [id]; }))];
    const checked = checkReviewRows(rows, await findReviewStates(registry.db, ids));
    const count = (kind: CheckedRow['kind']) => checked.filter((c) => c.kind === kind).length;
    const decisions: PairDecision[] = checked.flatMap((c) => (c.kind === 'apply' ? [{ reviewId: c.reviewId, decision: c.decision }] : []));
    const invalid = checked.flatMap((c) => (c.kind === 'invalid' ? [c.message] : []));
    const previous = await lastReviewAudit(registry.db, 'duplicates', sha256);
    const result: ApplyDuplicateReviewsResult = {
      fileName, sha256, applied: { same: 0, different: 0 }, unchanged: count('unchanged'), skipped: count('skip'),
      undecided: count('undecided'), invalid, merged: 0, activated: 0, previouslyAppliedAt: previous?.applied_at ?? null,
    };
    const apply = invalid.length === 0 ? decisions : [];
    if (invalid.length === 0) {
      result.applied.same = decisions.filter((d) => d.decision === 'same').length;
      result.applied.different = decisions.length - result.applied.same;
    }
    // Every run of the command is audited, including one that applied nothing because rows were bad.
    const changes = await applyPairDecisions(registry.db, {
      decisions: apply,
      reviewer,
      decidedAt: (options.now?.() ?? new Date()).toISOString(),
      mergeValues: mergePersonValues,
      audit: { file_name: fileName, file_sha256: sha256, rows_applied: apply.length, rows_unchanged: result.unchanged + result.skipped + result.undecided, rows_invalid: invalid.length },
    });
    result.merged = changes.merged;
    result.activated = changes.activated;
    return result;
  } finally {
    await registry.close();
  }
}

async function readGrids(bytes: Buffer, fileName: string): Promise<Grid[]> {
  if (sniffSpreadsheetKind(bytes) === 'unknown') return [readCsvGrid(bytes).grid];
  try {
    return await readXlsxGrids(bytes);
  } catch (err) {
    throw new UsageError(`Không đọc được tệp ${fileName}: ${(err as Error).message}`);
  }
}
