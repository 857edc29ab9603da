import type { RawField } from './source-record.js';
import { cueOf, type HeaderCue } from './column-map.js';
import { foldHeader, foldHeaderCore } from './header-fold.js';

/** What a column feeds. */
export type ColumnTarget =
  | { kind: 'field'; field: RawField }
  /** "Nam" / "Nữ" columns: a year gives birth_year_male/female; a mark ("x") gives the sex. */
  | { kind: 'sex_split'; sex: 'male' | 'female'; marksOnly: boolean }
  /** A bare "Chủ hộ" column: the head's name or the relation, decided by the values. */
  | { kind: 'head_or_relation' }
  /** A "Chủ hộ" column holding a mark ("x") on the head's row. */
  | { kind: 'head_mark' };

/** One recognised column of a header. */
export interface ColumnSpec {
  /** 0-based cell index. */
  index: number;
  target: ColumnTarget;
  /**
   * The column is one part of a value spread over adjacent columns (a merged "Họ và tên" over two data
   * columns, "Quê quán" over Xã | Huyện | Tỉnh): its field's parts are joined rather than the first taken.
   */
  join: boolean;
  /** Header text as written, parent and child joined by " / ", for messages. */
  label: string;
}

const ADMIN_FIELDS = new Set<HeaderCue>(['address', 'hamlet', 'commune', 'district', 'province']);
const DATE_PART_CUES = new Set<HeaderCue>(['day', 'month', 'nam']);
const SPLIT_CUES = new Set<HeaderCue>(['day', 'month', 'nam', 'female']);

interface Cell {
  index: number;
  /** Parent label (group), '' when the column has a single label. */
  parent: string;
  /** The column's own label. */
  own: string;
  cue: HeaderCue | null;
  parentCue: HeaderCue | null;
}

/**
 * Reads a one- or two-row header into column specs. A parent label covers the child labels under it:
 * filled across its columns (XLSX merges) or written only above the first one (CSV), both are handled.
 * Labels that only make sense in context (Ngày | Tháng | Năm, Nam | Nữ, a bare "Số") are decided from
 * their parent and neighbours.
 *
 * @example
 * resolveHeaderColumns(['Họ và tên', 'Năm sinh', ''], ['', 'Nam', 'Nữ']);
 * // → full_name at 0, sex_split male at 1, sex_split female at 2
 */
export function resolveHeaderColumns(parentRow: string[] | null, childRow: string[]): ColumnSpec[] {
  const cells = layoutCells(parentRow, childRow);
  const specs: ColumnSpec[] = [];
  for (const cell of cells) {
    const target = targetOf(cell, cells);
    if (target === null) continue;
    const label = cell.parent !== '' ? `${cell.parent} / ${cell.own}` : cell.own;
    const join = cell.parent !== '' && (cell.parentCue === 'birthplace' || cell.parentCue === 'native_place')
      && target.kind === 'field' && target.field === cell.parentCue;
    specs.push({ index: cell.index, target, join, label: label.trim() });
  }
  markMergedRuns(specs, cells);
  return specs;
}

function layoutCells(parentRow: string[] | null, childRow: string[]): Cell[] {
  const width = Math.max(childRow.length, parentRow?.length ?? 0);
  const cells: Cell[] = [];
  for (let c = 0; c < width; c++) {
    const child = (childRow[c] ?? '').trim();
    let parent = (parentRow?.[c] ?? '').trim();
    if (parentRow && parent === '' && child !== '') parent = groupParentLeftOf(parentRow, childRow, c);
    let own = child;
    if (own === '' || foldHeader(own) === foldHeader(parent)) {
      own = parent; // a single label (vertically merged, or written only in the parent row)
      parent = '';
    }
    const cue = cueOf(own);
    cells.push({ index: c, parent, own, cue, parentCue: parent === '' ? null : cueOf(parent) });
  }
  return cells;
}

/**
 * CSV keeps a merged parent's text only above its first column: the nearest label to the left is
 * this column's parent when that label also has a child under it (so it spans a group).
 */
function groupParentLeftOf(parentRow: string[], childRow: string[], c: number): string {
  for (let k = c - 1; k >= 0; k--) {
    const p = (parentRow[k] ?? '').trim();
    if (p === '') {
      if ((childRow[k] ?? '').trim() === '') return '';
      continue;
    }
    const ch = (childRow[k] ?? '').trim();
    return ch !== '' && foldHeader(ch) !== foldHeader(p) ? p : '';
  }
  return '';
}

/** Columns that read together: same parent under a group, else adjacent context-only labels. */
function siblingsOf(cell: Cell, cells: Cell[]): Cell[] {
  const sameGroup = (other: Cell) =>
    cell.parent !== '' ? foldHeader(other.parent) === foldHeader(cell.parent)
      : other.parent === '' && other.cue !== null && SPLIT_CUES.has(other.cue);
  const run: Cell[] = [];
  for (let k = cell.index - 1; k >= 0 && sameGroup(cells[k]); k--) run.unshift(cells[k]);
  run.push(cell);
  for (let k = cell.index + 1; k < cells.length && sameGroup(cells[k]); k++) run.push(cells[k]);
  return run;
}

function field(f: RawField): ColumnTarget {
  return { kind: 'field', field: f };
}

/** Household-level fields that a "Chủ hộ" group may carry for the whole household. */
const HOUSEHOLD_FIELDS = new Set<HeaderCue>(['household_book_no', 'address', 'hamlet', 'commune', 'district', 'province']);

/** "Chủ hộ", "Thông tin chủ hộ", "Họ tên chủ hộ" as a group over columns: they describe the head, not the row's person. */
function isHeadGroup(cell: Cell): boolean {
  if (cell.parent === '') return false;
  return cell.parentCue === 'head_or_relation' || cell.parentCue === 'household_head'
    || /^(thong tin|ve|cua| )*chu ho$/.test(foldHeaderCore(cell.parent));
}

function targetOf(cell: Cell, cells: Cell[]): ColumnTarget | null {
  const { cue, parentCue } = cell;
  if (cue === null || cue === 'ignore') return null;
  if (isHeadGroup(cell)) {
    // The head's name on every member's row names the household; the head's ID or birth year is not the member's.
    if (cue === 'full_name') return field('household_head');
    return HOUSEHOLD_FIELDS.has(cue) ? field(cue as RawField) : null;
  }
  if (cue === 'head_or_relation') return { kind: 'head_or_relation' };
  if (cue === 'number') return parentCue !== null && isRawField(parentCue) ? field(parentCue) : null;
  if (!SPLIT_CUES.has(cue)) {
    const f = cue as RawField;
    // "Quê quán" over Xã | Huyện | Tỉnh: the parts of a place, not the person's address.
    if ((parentCue === 'birthplace' || parentCue === 'native_place') && ADMIN_FIELDS.has(f)) return field(parentCue);
    return field(f);
  }
  const sibs = siblingsOf(cell, cells).map((s) => s.cue);
  const underSex = parentCue === 'sex';
  const underBirth = parentCue === 'birth_date';
  const hasFemale = sibs.includes('female');
  const hasNam = sibs.includes('nam');
  const dateParts = sibs.filter((s) => s !== null && DATE_PART_CUES.has(s)).length;
  const hasDayOrMonth = sibs.includes('day') || sibs.includes('month');
  switch (cue) {
    case 'female':
      return { kind: 'sex_split', sex: 'female', marksOnly: underSex };
    case 'nam':
      // Unaccented "Nam" next to "Nữ" is male; "Năm"/"Nam" next to Ngày/Tháng is the year.
      if (underSex || (hasFemale && !hasDayOrMonth)) return { kind: 'sex_split', sex: 'male', marksOnly: underSex };
      if (hasDayOrMonth || underBirth) return field('birth_year');
      return null;
    case 'day':
    case 'month':
      if (underSex || hasFemale && !hasNam) return null;
      if (underBirth || dateParts >= 2) return field(cue === 'day' ? 'birth_day' : 'birth_month');
      return null;
  }
  return null;
}

function isRawField(cue: HeaderCue): cue is RawField {
  return !['day', 'month', 'nam', 'female', 'number', 'head_or_relation', 'ignore'].includes(cue);
}

/**
 * An XLSX merge fills its text into every column it covers: "Họ và tên" over two data columns (family
 * and given name typed apart) or "Ngày sinh" over three. Adjacent columns with the same label and field
 * are parts of one value.
 */
function markMergedRuns(specs: ColumnSpec[], cells: Cell[]): void {
  for (let i = 1; i < specs.length; i++) {
    const a = specs[i - 1];
    const b = specs[i];
    if (b.index !== a.index + 1 || a.target.kind !== 'field' || b.target.kind !== 'field') continue;
    if (a.target.field !== b.target.field) continue;
    const ca = cells[a.index];
    const cb = cells[b.index];
    if (foldHeader(ca.own) === foldHeader(cb.own) && foldHeader(ca.parent) === foldHeader(cb.parent)) {
      a.join = true;
      b.join = true;
    }
  }
}
