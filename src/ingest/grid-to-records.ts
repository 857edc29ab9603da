import type { Grid, GridRow, RawField, SheetExtract, SourceRecord } from './source-record.js';
import { detectHeader } from './header-detect.js';
import type { ColumnSpec, ColumnTarget } from './header-columns.js';
import { classifyRow, FOOTER } from './grid-row-kind.js';
import { foldHeader } from './header-fold.js';
import { headOrRelationByValues, isMark } from './column-head-or-relation.js';
import { assignHouseholds } from './household-blocks.js';

type Raw = Partial<Record<RawField, string>>;

/**
 * Turns one sheet (or a CSV file) into source records: finds the header, maps its columns by meaning,
 * skips layout rows (titles, numbering, repeated headers, totals, signature footers) and groups the
 * rest into households. A sheet without a header naming a person's name column is rejected whole.
 *
 * @example
 * gridToRecords({ sheet: 'Sheet1', rows: [
 *   { rowNumber: 1, cells: ['STT', 'Họ và tên', 'Năm sinh', 'QH với chủ hộ', 'Số sổ HK'] },
 *   { rowNumber: 2, cells: ['1', 'LÒ VĂN PÁNH', '1968', 'Chủ hộ', '123456'] },
 * ] }, 'ban-na-ngam.xlsx');
 * // records[0].raw = { seq: '1', full_name: 'LÒ VĂN PÁNH', birth_date: '1968', relation_to_head: 'Chủ hộ',
 * //   household_book_no: '123456' }, householdKey 'book:123456', locator.row 2
 */
export function gridToRecords(grid: Grid, file: string): SheetExtract {
  const where = grid.sheet === null ? `Tệp ${file}` : `Tệp ${file}, trang tính "${grid.sheet}"`;
  const fail = (message: string): SheetExtract => ({ sheet: grid.sheet, records: [], error: `${where}: ${message}` });
  if (grid.rows.every((r) => r.cells.every((c) => c.trim() === ''))) {
    return { sheet: grid.sheet, records: [], error: null }; // an empty sheet has nothing to reject
  }
  const header = detectHeader(grid.rows);
  if (header.kind === 'no_header') return fail('không tìm thấy dòng tiêu đề có cột Họ và tên');
  if (header.kind === 'no_name_column') {
    return fail(`dòng tiêu đề (dòng ${header.rowNumber}) không có cột Họ và tên (hoặc Họ và chữ đệm cùng Tên)`);
  }
  const headerRows = header.rowIndexes.map((i) => grid.rows[i].cells);
  const dataRows = personRows(grid.rows.slice(header.rowIndexes[header.rowIndexes.length - 1] + 1), header.columns, headerRows);
  const columns = settleHeadColumns(header.columns, dataRows);
  const records: SourceRecord[] = dataRows.map((row) => ({
    locator: { file, sheet: grid.sheet, row: row.rowNumber, page: null },
    raw: rawOf(row.cells, columns),
    confidence: {},
    householdKey: null,
  }));
  return { sheet: grid.sheet, records: assignHouseholds(records, grid.sheet), error: null };
}

/**
 * The rows under the header that are records. Once a signature block starts, only rows that plainly
 * describe a person (a name and two more filled fields) are still taken: the signer's name under
 * "Người lập biểu" is not a member.
 */
function personRows(rows: GridRow[], columns: ColumnSpec[], headerRows: string[][]): GridRow[] {
  const out: GridRow[] = [];
  let inFooter = false;
  for (const row of rows) {
    let kind = classifyRow(row.cells, headerRows);
    if (kind === 'footer' && isBirthDateInWords(row.cells, columns)) kind = 'content';
    if (kind === 'blank' || kind === 'numbering' || kind === 'repeated_header') continue;
    const personLike = looksLikePerson(row.cells, columns);
    if (kind === 'footer' && !personLike) inFooter = true;
    if (kind !== 'content' && !personLike) continue;
    if (inFooter && !personLike) continue;
    if (onlySequence(row.cells, columns)) continue; // a pre-numbered template line left empty
    out.push(row);
  }
  return out;
}

function isNameTarget(t: ColumnTarget): boolean {
  return t.kind === 'field' && (t.field === 'full_name' || t.field === 'given_name' || t.field === 'family_middle');
}

const BIRTH_FIELDS = new Set<RawField>(['birth_date', 'birth_day', 'birth_month', 'birth_year']);

function isBirthColumn(c: ColumnSpec): boolean {
  return (c.target.kind === 'field' && BIRTH_FIELDS.has(c.target.field)) || c.target.kind === 'sex_split';
}

/**
 * "ngày 12 tháng 3 năm 1968" is how a signature block dates itself, and also how some clerks write a
 * birth date: in a birth-date column of a row that has a name, it is the person's birth date.
 */
function isBirthDateInWords(cells: string[], columns: ColumnSpec[]): boolean {
  const hasName = columns.some((c) => isNameTarget(c.target) && (cells[c.index] ?? '').trim() !== '');
  if (!hasName) return false;
  const birthCols = new Set(columns.filter(isBirthColumn).map((c) => c.index));
  let footerCells = 0;
  for (let i = 0; i < cells.length; i++) {
    const key = foldHeader(cells[i] ?? '');
    if (key === '' || !FOOTER.some((re) => re.test(key))) continue;
    if (!birthCols.has(i)) return false;
    footerCells++;
  }
  return footerCells > 0;
}

function looksLikePerson(cells: string[], columns: ColumnSpec[]): boolean {
  const name = columns.filter((c) => isNameTarget(c.target)).map((c) => (cells[c.index] ?? '').trim()).find((v) => v !== '');
  if (name === undefined) return false;
  // A narrow list (name and birth year only) cannot show two more fields; ask for what the sheet has.
  const otherColumns = columns.filter((c) => !isNameTarget(c.target) && !(c.target.kind === 'field' && c.target.field === 'seq'));
  const needed = Math.min(2, Math.max(1, otherColumns.length));
  const others = new Set<string>();
  for (const c of columns) {
    const v = (cells[c.index] ?? '').trim();
    if (v === '' || v === name || isNameTarget(c.target)) continue;
    if (c.target.kind === 'field' && c.target.field === 'seq') continue;
    others.add(v);
  }
  return others.size >= needed;
}

function onlySequence(cells: string[], columns: ColumnSpec[]): boolean {
  const seqCols = new Set(columns.filter((c) => c.target.kind === 'field' && c.target.field === 'seq').map((c) => c.index));
  if (seqCols.size === 0) return false;
  return cells.every((v, i) => v.trim() === '' || seqCols.has(i));
}

/** A bare "Chủ hộ" column is read by its values once the data rows are known. */
function settleHeadColumns(columns: ColumnSpec[], rows: GridRow[]): ColumnSpec[] {
  return columns.map((col) => {
    if (col.target.kind !== 'head_or_relation') return col;
    const decided = headOrRelationByValues(rows.map((r) => r.cells[col.index] ?? ''));
    const target: ColumnTarget = decided === 'head_mark' ? { kind: 'head_mark' } : { kind: 'field', field: decided };
    return { ...col, target };
  });
}

const SEPARATOR: Partial<Record<RawField, string>> = {
  full_name: ' ', family_middle: ' ', given_name: ' ', other_name: ' ', birth_date: '/',
};

/** Raw fields of one data row: a field in several columns takes the first filled one, or joins its parts. */
export function rawOf(cells: string[], columns: ColumnSpec[]): Raw {
  const parts = new Map<RawField, { value: string; join: boolean }[]>();
  const marks: ('Nam' | 'Nữ')[] = [];
  let headMark = false;
  const put = (f: RawField, value: string, join: boolean) => {
    const list = parts.get(f) ?? [];
    list.push({ value, join });
    parts.set(f, list);
  };
  for (const col of columns) {
    const value = (cells[col.index] ?? '').trim();
    if (value === '') continue;
    const t = col.target;
    if (t.kind === 'field') put(t.field, value, col.join);
    else if (t.kind === 'head_mark') headMark = headMark || isMark(value);
    else if (t.kind === 'sex_split') {
      // A year in "Nam"/"Nữ" gives the birth year and the sex; a mark gives only the sex.
      if (!t.marksOnly && /\d/.test(value)) put(t.sex === 'male' ? 'birth_year_male' : 'birth_year_female', value, false);
      else marks.push(t.sex === 'male' ? 'Nam' : 'Nữ');
    }
  }
  const raw: Raw = {};
  for (const [f, list] of parts) {
    if (list.every((p) => p.join) && list.length > 1) {
      const values = list.map((p) => p.value).filter((v, i, all) => i === 0 || v !== all[i - 1]);
      raw[f] = values.join(SEPARATOR[f] ?? ', ');
    } else {
      raw[f] = list[0].value;
    }
  }
  if (raw.sex === undefined && marks.length > 0) raw.sex = [...new Set(marks)].join(', ');
  if (raw.relation_to_head === undefined && headMark) raw.relation_to_head = 'Chủ hộ';
  return raw;
}
