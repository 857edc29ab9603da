import type { GridRow } from './source-record.js';
import { cueOf } from './column-map.js';
import { foldHeader } from './header-fold.js';
import { resolveHeaderColumns, type ColumnSpec } from './header-columns.js';

/** How many non-blank rows from the top may hold the header (titles, blank lines and notes come first). */
export const HEADER_SCAN_ROWS = 30;

/** The header found in a sheet. */
export interface HeaderFound {
  kind: 'found';
  /** Indexes into `grid.rows` of the header's rows (one to three), top first. */
  rowIndexes: number[];
  columns: ColumnSpec[];
}

/** Why no usable header was found; `rowNumber` is the best header-like row that lacked a name column. */
export type HeaderMissing = { kind: 'no_header' } | { kind: 'no_name_column'; rowNumber: number };

interface Candidate {
  rowIndexes: number[];
  columns: ColumnSpec[];
  score: number;
  hasName: boolean;
}

/**
 * Finds the header: each of the first rows is scored by how many distinct fields its cells name (alone,
 * or as the parent row over the next one when that next row continues the header), and the best row
 * with a name column (Họ và tên, or Họ và chữ đệm + Tên) wins; on a tie the earlier row wins.
 *
 * @example
 * detectHeader([
 *   { rowNumber: 1, cells: ['DANH SÁCH NHÂN KHẨU', '', ''] },
 *   { rowNumber: 3, cells: ['STT', 'Họ và tên', 'Năm sinh'] },
 * ]); // { kind: 'found', rowIndexes: [1], columns: [seq, full_name, birth_date] }
 */
export function detectHeader(rows: GridRow[]): HeaderFound | HeaderMissing {
  let best: Candidate | null = null;
  let bestNameless: { score: number; rowNumber: number } | null = null;
  let scanned = 0;
  for (let i = 0; i < rows.length && scanned < HEADER_SCAN_ROWS; i++) {
    if (isBlank(rows[i].cells)) continue;
    scanned++;
    for (const cand of candidatesAt(rows, i)) {
      if (cand.score === 0) continue;
      if (!cand.hasName) {
        if (cand.score >= 2 && (bestNameless === null || cand.score > bestNameless.score)) {
          bestNameless = { score: cand.score, rowNumber: rows[i].rowNumber };
        }
        continue;
      }
      if (best === null || cand.score > best.score) best = cand;
    }
  }
  if (best !== null) return { kind: 'found', rowIndexes: best.rowIndexes, columns: best.columns };
  return bestNameless === null ? { kind: 'no_header' } : { kind: 'no_name_column', rowNumber: bestNameless.rowNumber };
}

/** The two-row reading comes first so that it wins a tie with the one-row reading of the same row. */
function candidatesAt(rows: GridRow[], i: number): Candidate[] {
  const out: Candidate[] = [];
  const next = nextNonBlank(rows, i);
  // A title over the header is not a parent row: a parent names at least one field or group itself.
  const parentNamesSomething = rows[i].cells.some((c) => cueOf(c) !== null);
  if (next !== null && parentNamesSomething && continuesHeader(rows[i].cells, rows[next].cells)) {
    const two = candidate([i, next], resolveHeaderColumns(rows[i].cells, rows[next].cells));
    // The two-row reading covers the second row too, so it must beat that row read alone, even when
    // grouping lowers the count ("Quê quán" over Xã | Huyện | Tỉnh is one field, not three).
    const childAlone = candidate([next], resolveHeaderColumns(null, rows[next].cells));
    if (two.hasName) two.score = Math.max(two.score, childAlone.score) + 0.5;
    out.push(two);
    const three = threeRowCandidate(rows, i, next);
    if (three !== null && three.hasName) out.push({ ...three, score: Math.max(three.score, two.score) + 0.5 });
  }
  out.push(candidate([i], resolveHeaderColumns(null, rows[i].cells)));
  return out;
}

/**
 * A three-row header: a group row ("Thông tin nhân khẩu", "Giấy tờ") over the labels, over sub-labels
 * under some of them ("Năm sinh" over Nam | Nữ). The group row's label stands for a column only where
 * the two rows under it are empty (a tall "STT" written once); elsewhere the label row speaks.
 */
function threeRowCandidate(rows: GridRow[], i: number, next: number): Candidate | null {
  const last = nextNonBlank(rows, next);
  if (last === null) return null;
  const mid = rows[next].cells;
  const low = rows[last].cells;
  if (!mid.some((c) => cueOf(c) !== null) || !continuesHeader(mid, low)) return null;
  const top = rows[i].cells;
  const width = Math.max(top.length, mid.length, low.length);
  const parent: string[] = [];
  for (let c = 0; c < width; c++) {
    const m = (mid[c] ?? '').trim();
    parent.push(m !== '' || (low[c] ?? '').trim() !== '' ? m : (top[c] ?? '').trim());
  }
  return candidate([i, next, last], resolveHeaderColumns(parent, low));
}

function candidate(rowIndexes: number[], columns: ColumnSpec[]): Candidate {
  const keys = new Set<string>();
  for (const c of columns) {
    const t = c.target;
    keys.add(t.kind === 'field' ? t.field : t.kind === 'sex_split' ? `sex_split_${t.sex}` : t.kind);
  }
  const hasName = keys.has('full_name') || (keys.has('family_middle') && keys.has('given_name'));
  return { rowIndexes, columns, score: keys.size, hasName };
}

function nextNonBlank(rows: GridRow[], i: number): number | null {
  // A header's second row is directly under the first; a blank line between them ends the header.
  return i + 1 < rows.length && !isBlank(rows[i + 1].cells) ? i + 1 : null;
}

/**
 * Whether `child` is the second row of a header whose first row is `parent`: its own labels (cells that
 * do not repeat the parent) are mostly vocabulary words and none looks like data (a year, a date, an ID).
 * A numbering row "(1) (2) (3)" is not a header row.
 */
export function continuesHeader(parent: string[], child: string[]): boolean {
  let own = 0;
  let known = 0;
  for (let c = 0; c < child.length; c++) {
    const text = (child[c] ?? '').trim();
    if (text === '' || foldHeader(text) === foldHeader(parent[c] ?? '')) continue;
    if (/\d{4}|\d+[/.-]\d+/.test(text) || /^[([]?\d{1,3}[)\]]?\.?$/.test(text)) return false;
    own++;
    if (cueOf(text) !== null) known++;
  }
  return own > 0 && known / own >= 0.6;
}

/** True when every cell is empty or whitespace. */
export function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
