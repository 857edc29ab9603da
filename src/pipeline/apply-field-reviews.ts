import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { applyFieldCorrections, findFieldRecordStates, type FieldRecordState, type PendingPerson } from '../db/field-corrections.js';
import { lastReviewAudit } from '../db/match-reviews.js';
import { openRegistry, type Registry } from '../db/open-registry.js';
import { UsageError } from '../errors.js';
import { readCsvGrid } from '../ingest/csv-reader.js';
import { foldHeader, foldHeaderCore } from '../ingest/header-fold.js';
import type { Grid } from '../ingest/source-record.js';
import type { Issue } from '../normalize/issue.js';
import { readXlsxGrids, sniffSpreadsheetKind } from '../ingest/xlsx-reader.js';
import { buildGazetteerIndex } from '../normalize/address/gazetteer-index.js';
import type { RunGazetteer } from './code-record-address.js';
import { activeGazetteer } from './active-gazetteer.js';
import { answeredFields, correctedText, correctionTarget, correctRecord, isKnownField, type CorrectedRecord, type CorrectionContext } from './correct-record.js';

/** One filled-in row of review-fields.csv, as read: `line` is the row number Excel shows. */
export interface FieldReviewRow {
  line: number;
  recordId: string;
  field: string;
  correctedValue: string;
}

/** What a row asks for once checked against the registry. */
export type CheckedFieldRow =
  | { kind: 'apply'; line: number; recordId: number; field: string; value: string }
  | { kind: 'undecided' | 'unchanged'; line: number }
  | { kind: 'invalid'; line: number; message: string };

/**
 * Where the record id, the field and the reviewer's value are in a header row (0-based), or null when the row is
 * not review-fields.csv's header. Either part of a heading does: "mã bản ghi" or "record_id", "trường" or "field".
 *
 * @example
 * findFieldReviewColumns(['mã bản ghi (record_id)', 'trường (field)', 'corrected_value']) // { recordId: 0, field: 1, corrected: 2 }
 */
export function findFieldReviewColumns(cells: readonly string[]): { recordId: number; field: number; corrected: number } | null {
  const corrected = cells.findIndex((c) =>
    /\bcorrected( value)?\b/.test(foldHeader(c)) || /^(gia tri (da )?sua|gia tri dung|gia tri moi|sua thanh)\b/.test(foldHeaderCore(c)));
  const recordId = cells.findIndex((c) => /^(ma ban ghi|ban ghi so|so ban ghi)\b/.test(foldHeaderCore(c)) || /\brecord id\b/.test(foldHeader(c)));
  const field = cells.findIndex((c, i) => i !== corrected && (/^truong\b/.test(foldHeaderCore(c)) || /^(field|field name)$/.test(foldHeader(c)) || /\(field\)/i.test(c)));
  const found = [recordId, field, corrected];
  return found.every((i) => i >= 0) && new Set(found).size === 3 ? { recordId, field, corrected } : null;
}

/**
 * Reads the record id, field and corrected value of every row under review-fields.csv's header (searched in the
 * first rows, so a title line above it does no harm). Null when no sheet has the header.
 */
export function readFieldReviewRows(grids: readonly Grid[]): FieldReviewRow[] | null {
  for (const grid of grids) {
    const headerAt = grid.rows.slice(0, 20).findIndex((row) => findFieldReviewColumns(row.cells) !== null);
    if (headerAt < 0) continue;
    const columns = findFieldReviewColumns(grid.rows[headerAt].cells)!;
    return grid.rows
      .slice(headerAt + 1)
      .map((row) => ({
        line: row.rowNumber,
        recordId: (row.cells[columns.recordId] ?? '').trim(),
        field: (row.cells[columns.field] ?? '').trim(),
        correctedValue: row.cells[columns.corrected] ?? '',
      }))
      .filter((row) => row.recordId !== '' || row.field !== '' || row.correctedValue.trim() !== '');
  }
  return null;
}

/** '12', '12.0' (a number Excel re-saved) → 12. */
export function parseRecordId(text: string): number | null {
  const match = /^(\d{1,15})(?:[.,]0+)?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/** 'Personal ID', 'personal-id' → 'personal_id': the field names of the file, however Excel or a person touched them. */
function fieldName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Checks every row against the registry before anything is applied (pure): a known record still waiting for review,
 * a field it has, one value per field, and a value that passes the field's normalizer once the whole record is
 * normalized again with it. Every problem is reported, in Vietnamese, with its line. Returns the rows and the
 * corrected records to write.
 *
 * @example
 * checkFieldRows([{ line: 2, recordId: '12', field: 'birth_date', correctedValue: '05/01/1975' }], states, context)
 * // { rows: [{ kind: 'apply', line: 2, recordId: 12, field: 'birth_date', value: '05/01/1975' }], records: [ … ] }
 */
export function checkFieldRows(
  rows: readonly FieldReviewRow[],
  states: ReadonlyMap<number, FieldRecordState>,
  context: CorrectionContext,
): { rows: CheckedFieldRow[]; records: CorrectedRecord[] } {
  /** Per record: the raw fields each row writes, so two rows writing the same place with different values clash. */
  const writes = new Map<number, { line: number; field: string; value: string; places: Set<string> }[]>();
  const checked = rows.map((row): CheckedFieldRow => {
    const invalid = (message: string): CheckedFieldRow => ({ kind: 'invalid', line: row.line, message: `Dòng ${row.line}: ${message}` });
    if (row.correctedValue.trim() === '') return { kind: 'undecided', line: row.line };
    if (row.recordId === '') return invalid('thiếu mã bản ghi.');
    const recordId = parseRecordId(row.recordId);
    if (recordId === null) return invalid(`mã bản ghi "${row.recordId}" không phải là số.`);
    const state = states.get(recordId);
    if (!state) return invalid(`không có bản ghi số ${recordId} trong sổ đăng ký.`);
    const field = fieldName(row.field);
    if (field === '') return invalid('thiếu tên trường.');
    if (!isKnownField(field)) {
      const review = [...new Set(state.issues.filter((i) => i.severity === 'review').map((i) => i.field))];
      return invalid(`trường "${row.field}" không phải là trường của bản ghi${review.length > 0 ? `; bản ghi số ${recordId} cần duyệt: ${review.join(', ')}` : ''}.`);
    }
    if (state.personId === null || state.outcome === 'rejected') {
      return invalid(`bản ghi số ${recordId} đã bị loại khi nhập, không có nhân khẩu để sửa; hãy sửa tệp gốc rồi nhập lại.`);
    }
    const value = correctedText(row.correctedValue);
    const places = new Set(correctionTarget(state.raw, field).replaced as string[]);
    const earlier = writes.get(recordId) ?? [];
    const clash = earlier.find((w) => [...places].some((p) => w.places.has(p)));
    if (clash) {
      if (clash.field === field && clash.value === value) return { kind: 'unchanged', line: row.line };
      return invalid(`trường ${field} của bản ghi số ${recordId} đã được sửa ở dòng ${clash.line} thành giá trị khác.`);
    }
    writes.set(recordId, [...earlier, { line: row.line, field, value, places }]);
    const before = state.corrections[field];
    if (before && before.value === value) return { kind: 'unchanged', line: row.line };
    if (state.personStatus !== 'pending_review') {
      const now = state.personStatus === 'merged' ? 'đã được gộp vào người khác' : 'đã là nhân khẩu chính thức';
      return invalid(`nhân khẩu số ${state.personId} của bản ghi số ${recordId} không còn chờ duyệt (${now}); không sửa qua tệp duyệt được.`);
    }
    return { kind: 'apply', line: row.line, recordId, field, value };
  });

  // Normalize each record again with all its corrections; a row whose field is still doubtful is refused.
  const byRecord = new Map<number, Extract<CheckedFieldRow, { kind: 'apply' }>[]>();
  for (const c of checked) if (c.kind === 'apply') byRecord.set(c.recordId, [...(byRecord.get(c.recordId) ?? []), c]);
  const records: CorrectedRecord[] = [];
  const refused = new Map<number, string>();
  for (const [recordId, applies] of byRecord) {
    const state = states.get(recordId)!;
    const corrected = correctRecord(state, new Map(applies.map((a) => [a.field, a.value])), context);
    records.push(corrected);
    const rejects = corrected.normalized.issues.filter((i) => i.severity === 'reject');
    for (const a of applies) {
      const answered = answeredFields(state.raw, a.field);
      const left = corrected.normalized.issues.filter((i) => i.severity === 'review' && answered.has(i.field));
      if (rejects.length > 0) {
        refused.set(a.line, `sau khi sửa, bản ghi số ${recordId} không dùng được: ${sentences(rejects)}.`);
      } else if (left.length > 0) {
        refused.set(a.line, `giá trị "${a.value}" của trường ${a.field} (bản ghi số ${recordId}) vẫn chưa đúng: ${sentences(left)}.`);
      }
    }
  }
  return {
    rows: checked.map((c) => (refused.has(c.line) ? { kind: 'invalid', line: c.line, message: `Dòng ${c.line}: ${refused.get(c.line)}` } : c)),
    records,
  };
}

/** Issue messages joined into one sentence (some end with a full stop of their own). */
function sentences(issues: readonly Issue[]): string {
  return issues.map((i) => i.message.replace(/[.\s]+$/, '')).join('; ');
}

export interface ApplyFieldReviewsOptions {
  dbUrl: string;
  file: string;
  reviewer: string;
  /** Injectable clock for tests. */
  now?: () => Date;
}

export interface ApplyFieldReviewsResult {
  fileName: string;
  sha256: string;
  /** Corrections written now. */
  applied: number;
  /** Rows that changed nothing: the same correction was applied before (or repeated in the file). */
  unchanged: number;
  /** Rows with an empty corrected_value, left for later. */
  undecided: number;
  /** Every bad row's message; when not empty, nothing was applied. */
  invalid: string[];
  /** Pending persons that became active. */
  activated: number;
  /** Persons of the file still waiting, and why. */
  pending: PendingPerson[];
  /** When a file with the same bytes was applied before. */
  previouslyAppliedAt: string | null;
}

/**
 * `hokhau review apply` for review-fields.csv: reads the file (CSV as Excel saves it, or .xlsx), checks every row,
 * and — only if no row is bad — applies the corrections in one transaction with an audit row. Running it again on the
 * same file changes nothing.
 *
 * @throws UsageError when the file is missing or is not a review-fields file, or the reviewer is empty.
 * @example
 * const r = await applyFieldReviews({ dbUrl: 'data/registry.sqlite', file: 'review-fields.csv', reviewer: 'Lò Thị Mai' });
 */
export async function applyFieldReviews(options: ApplyFieldReviewsOptions): Promise<ApplyFieldReviewsResult> {
  const reviewer = options.reviewer.trim();
  if (reviewer === '') throw new UsageError('Hãy ghi tên người duyệt: --reviewer "<họ tên>" (the reviewer name is required).');
  const bytes = await readReviewFile(options.file);
  const fileName = basename(options.file);
  const rows = readFieldReviewRows(await readReviewGrids(bytes, fileName));
  if (rows === null) {
    throw new UsageError(
      `Tệp ${fileName} không phải tệp review-fields.csv: không thấy cột "mã bản ghi (record_id)", "trường (field)" và "corrected_value". Không áp dụng gì.`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const registry = await openRegistry(options.dbUrl);
  try {
    const ids = [...new Set(rows.flatMap((r) => { const id = parseRecordId(r.recordId); return id === null ? [] : [id]; }))];
    const states = await findFieldRecordStates(registry.db, ids);
    const checked = checkFieldRows(rows, states, await correctionContext(registry));
    const count = (kind: CheckedFieldRow['kind']) => checked.rows.filter((c) => c.kind === kind).length;
    const invalid = checked.rows.flatMap((c) => (c.kind === 'invalid' ? [c.message] : []));
    const ok = invalid.length === 0;
    const previous = await lastReviewAudit(registry.db, 'fields', sha256);
    const records = ok ? checked.records : [];
    const applied = records.reduce((n, r) => n + r.changes.length, 0);
    // Persons the file names through its valid rows: the settled ones become active, the others are listed.
    const personIds = ok ? [...new Set(ids.flatMap((id) => { const p = states.get(id)?.personId; return p == null ? [] : [p]; }))] : [];
    // Every run of the command is audited, including one that applied nothing because rows were bad.
    const changes = await applyFieldCorrections(registry.db, {
      records: records.map((r) => ({
        sourceRecordId: r.state.id, raw: r.raw, values: r.normalized.values!, issues: r.normalized.issues,
        ...('address' in r ? { address: r.address } : {}), changes: r.changes,
      })),
      personIds,
      reviewer,
      decidedAt: (options.now?.() ?? new Date()).toISOString(),
      audit: { file_name: fileName, file_sha256: sha256, rows_applied: applied, rows_unchanged: count('unchanged') + count('undecided'), rows_invalid: invalid.length },
    });
    return {
      fileName, sha256, applied, unchanged: count('unchanged'), undecided: count('undecided'), invalid,
      activated: changes.activated, pending: changes.pending, previouslyAppliedAt: previous?.applied_at ?? null,
    };
  } finally {
    await registry.close();
  }
}

/** Addresses are re-coded with the registry's active gazetteer, indexed only when an address was corrected. */
async function correctionContext(registry: Registry): Promise<CorrectionContext> {
  const data = await activeGazetteer(registry);
  let index: RunGazetteer['index'] | null = null;
  return {
    gazetteer: (defaultProvinceCode) => {
      index ??= buildGazetteerIndex(data);
      return { index, version: data.version, defaultProvinceCode };
    },
  };
}

async function readReviewFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new UsageError(`Không đọc được tệp ${file} (file not found or unreadable).`);
  }
}

/**
 * A review file's sheets: CSV as Excel saves it (BOM or not, `,` or `;`, legacy encodings) or .xlsx.
 *
 * @example
 * const grids = await readReviewGrids(await readFile('review-fields.csv'), 'review-fields.csv');
 */
export async function readReviewGrids(bytes: Buffer, fileName: string): Promise<Grid[]> {
  if (sniffSpreadsheetKind(bytes) === 'unknown') return [readCsvGrid(bytes).grid];
  try {
    return await readXlsxGrids(bytes);
  } catch (err) {
    throw new UsageError(`Không đọc được tệp ${fileName}: ${(err as Error).message}`);
  }
}
