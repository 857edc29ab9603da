/**
 * Reads an .xlsx workbook into one Grid of cell text per worksheet, with merged ranges filled in and
 * legacy TCVN3/VNI font text converted. Legacy .xls and other formats are refused with a clear message.
 */
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { Grid, GridRow } from './source-record.js';
import { cellValueText, type CellTextContext } from './xlsx-cell-text.js';
import {
  describeCorruptXlsx,
  describeNoSheets,
  describeUnsupported,
  sniffSpreadsheetKind,
  UnsupportedSpreadsheetError,
} from './unsupported-format.js';

export { sniffSpreadsheetKind, UnsupportedSpreadsheetError };
export type { SpreadsheetKind, UnsupportedReason } from './unsupported-format.js';

/**
 * Worksheet parts we never use. Skipping them saves time, and data validations or conditional formats
 * over whole columns make exceljs expand a rule per cell (a known way to run it out of memory).
 */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'sheetProtection',
  'autoFilter',
  'rowBreaks',
  'pageMargins',
  'pageSetup',
  'printOptions',
  'headerFooter',
  'picture',
  'drawing',
  'tableParts',
];

/** Rows are padded to the sheet's width unless that would allocate more than this many cells. */
const MAX_PADDED_CELLS = 10_000_000;

const MERGE = ExcelJS.ValueType.Merge;

function toBuffer(bytes: Uint8Array | Buffer): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The slice of exceljs's parsed model we touch while it loads. */
interface LoadedModel {
  worksheets?: Array<{ id?: number; mergeCells?: string[] } | undefined>;
}

/**
 * Loads the workbook and returns its merged ranges per worksheet id, taken out of exceljs's model
 * before it applies them: exceljs checks each new merge against every earlier one (quadratic; 12,500
 * household-block merges take 17 s of a 20 s load) and throws on overlapping ranges, which some
 * generators write. We apply them ourselves in one linear pass. exceljs 4.4's `reconcile` step is the
 * hook; if a future version drops it, exceljs merges as before and `renderCell` follows its masters.
 */
async function loadWorkbook(buffer: Buffer): Promise<{ workbook: ExcelJS.Workbook; merges: Map<number, string[]> }> {
  const workbook = new ExcelJS.Workbook();
  const merges = new Map<number, string[]>();
  const xlsx = workbook.xlsx as unknown as { reconcile?: (model: LoadedModel, options: unknown) => void };
  const reconcile = xlsx.reconcile;
  if (typeof reconcile === 'function') {
    xlsx.reconcile = (model, options) => {
      reconcile.call(xlsx, model, options);
      for (const sheet of model.worksheets ?? []) {
        if (sheet?.id === undefined || !Array.isArray(sheet.mergeCells)) continue;
        merges.set(sheet.id, sheet.mergeCells);
        sheet.mergeCells = [];
      }
    };
  }
  try {
    // exceljs types `load` as taking its own Buffer interface; a Node Buffer is what it wants at run time.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch (err) {
    throw describeCorruptXlsx(err);
  }
  return { workbook, merges };
}

/** Text of one cell; a cell exceljs merged itself reads its master, computed once per range. */
function renderCell(cell: Cell, context: CellTextContext, mergeTexts: Map<string, string>): string {
  if (cell.type !== MERGE) return render(cell, context);
  const master = cell.master;
  let text = mergeTexts.get(master.address);
  if (text === undefined) {
    text = render(master, context);
    mergeTexts.set(master.address, text);
  }
  return text;
}

function render(cell: Cell, context: CellTextContext): string {
  // Only read style when there is a value: exceljs's style getters walk the style model.
  const value = cell.value;
  if (value === null || value === undefined) return '';
  return cellValueText(value, { numFmt: cell.numFmt, fontName: cell.font?.name }, context);
}

/** Column letters to a 1-based number: 'A' → 1, 'AB' → 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses 'B2:B5' (also '$B$2:$B$5', or a lone 'B2'); null for anything else. */
export function parseRangeRef(ref: string): CellRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const a = { col: columnNumber(m[1]), row: Number(m[2]) };
  const b = m[3] === undefined ? a : { col: columnNumber(m[3]), row: Number(m[4]) };
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Copies each merge master's text into every cell of its range. Ranges are clipped to the rows and
 * columns that hold text of their own, so a merge dragged to row 1,048,576 costs nothing.
 */
function applyMerges(byRow: Map<number, string[]>, refs: readonly string[], lastRow: number, lastCol: number): void {
  for (const ref of refs) {
    const range = parseRangeRef(ref);
    if (range === null) continue;
    const text = byRow.get(range.top)?.[range.left - 1] ?? '';
    const bottom = Math.min(range.bottom, lastRow);
    const right = Math.min(range.right, lastCol);
    for (let r = range.top; r <= bottom; r++) {
      let cells = byRow.get(r);
      if (cells === undefined) {
        if (text === '') continue;
        cells = [];
        byRow.set(r, cells);
      }
      while (cells.length < right) cells.push('');
      // Excel shows nothing but the master's text; other writers sometimes leave stale values in the rest.
      for (let c = range.left; c <= right; c++) cells[c - 1] = text;
    }
  }
}

/**
 * Converts one worksheet. Only rows with some text are kept: exceljs stores a styled empty row but not
 * an untouched one, so keeping blank rows would make the grid depend on formatting. A blank line between
 * household blocks still shows as a gap in `rowNumber`.
 */
function readSheet(sheet: Worksheet, context: CellTextContext, mergeRefs: readonly string[]): Grid {
  const byRow = new Map<number, string[]>();
  const mergeTexts = new Map<string, string>();
  let lastRow = 0;
  let lastCol = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = renderCell(cell, context, mergeTexts);
      if (text === '') return;
      while (cells.length < col - 1) cells.push('');
      cells.push(text);
    });
    if (cells.length === 0) return;
    byRow.set(rowNumber, cells);
    lastRow = rowNumber;
    if (cells.length > lastCol) lastCol = cells.length;
  });
  if (mergeRefs.length > 0) applyMerges(byRow, mergeRefs, lastRow, lastCol);

  const rows: GridRow[] = [];
  for (const [rowNumber, cells] of byRow) {
    if (cells.some((c) => c !== '')) rows.push({ rowNumber, cells });
  }
  // Merges can add rows out of order; rows from exceljs arrive sorted.
  rows.sort((a, b) => a.rowNumber - b.rowNumber);
  // Pad to the sheet's width so `cells[i]` is a string for every column in use, unless one stray cell
  // far to the right would make that a huge allocation.
  if (rows.length * lastCol <= MAX_PADDED_CELLS) {
    for (const row of rows) while (row.cells.length < lastCol) row.cells.push('');
  }
  return { sheet: sheet.name, rows };
}

/**
 * Reads every worksheet of an .xlsx, in workbook order, as a Grid of trimmed NFC cell text.
 *
 * - `rowNumber` is the row Excel shows; rows without any text are left out (a blank separator row
 *   shows as a gap in rowNumber). Cells start at column A and rows are padded to the sheet's used width.
 * - Every cell of a merged range carries the master cell's text.
 * - Dates (and numbers in a date format) become dd/mm/yyyy; numbers keep every digit of long IDs;
 *   formulas give their cached result; errors give ''.
 * - Text in .VnTime/.VnTimeH (TCVN3) or VNI-* fonts is converted to Unicode, other text is checked
 *   by the legacy-encoding detector.
 *
 * @throws UnsupportedSpreadsheetError for .xls, password-protected, HTML/XML-as-xls, ODS, empty,
 *   corrupt or truncated files, with a Vietnamese message saying what to do.
 * @example
 * const grids = await readXlsxGrids(await readFile('xa-muong-phang.xlsx'));
 * grids[0]; // { sheet: 'Bản Na Ngám', rows: [{ rowNumber: 5, cells: ['1', 'Lò Văn Pánh', '12/03/1968', …] }, …] }
 */
export async function readXlsxGrids(bytes: Uint8Array | Buffer): Promise<Grid[]> {
  const buffer = toBuffer(bytes);
  if (sniffSpreadsheetKind(buffer) !== 'xlsx') throw describeUnsupported(buffer);
  const { workbook, merges } = await loadWorkbook(buffer);
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw describeNoSheets();
  const context: CellTextContext = { date1904: workbook.properties?.date1904 === true, cache: new Map() };
  return sheets.map((sheet) => readSheet(sheet, context, merges.get(sheet.id) ?? []));
}
