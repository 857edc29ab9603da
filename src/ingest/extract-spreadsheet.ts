import { readCsvGrid } from './csv-reader.js';
import type { DiscoveredFile } from './discover-files.js';
import { gridToRecords } from './grid-to-records.js';
import type { Grid, SheetExtract } from './source-record.js';
import { readXlsxGrids, sniffSpreadsheetKind, UnsupportedSpreadsheetError } from './xlsx-reader.js';
import type { InputKind } from './discover-files.js';

/** An input file that cannot be read at all; the message is for the reconciliation (Vietnamese first). */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

function hasContent(grid: Grid): boolean {
  return grid.rows.some((row) => row.cells.some((cell) => cell !== ''));
}

/**
 * Turns a spreadsheet's bytes into source records, one extract per sheet that has content (an empty sheet, like
 * Excel's default Sheet2, yields nothing). Throws UnreadableFileError for a file that cannot be read.
 *
 * @example
 * const sheets = await extractSpreadsheet(file, bytes);
 * sheets.flatMap((s) => s.records)
 */
export async function extractSpreadsheet(file: Pick<DiscoveredFile, 'name' | 'kind'>, bytes: Buffer): Promise<SheetExtract[]> {
  if (bytes.length === 0 || (file.kind === 'csv' && isBlankText(bytes))) {
    throw new UnreadableFileError('Tệp rỗng (0 byte), không có dữ liệu để đọc. — The file is empty.');
  }
  switch (kindByContent(file.kind, bytes)) {
    case 'csv':
      return [readCsvGrid(bytes).grid].filter(hasContent).map((grid) => gridToRecords(grid, file.name));
    case 'xlsx':
    case 'xls':
      try {
        return (await readXlsxGrids(bytes)).filter(hasContent).map((grid) => gridToRecords(grid, file.name));
      } catch (err) {
        if (err instanceof UnsupportedSpreadsheetError) throw new UnreadableFileError(err.message);
        throw new UnreadableFileError(`Không đọc được tệp bảng tính: ${(err as Error).message} (cannot read the spreadsheet)`);
      }
    default:
      throw new UnreadableFileError(
        'Định dạng tệp không được hỗ trợ; hãy dùng .csv hoặc .xlsx (unsupported file type; use .csv or .xlsx)',
      );
  }
}

/**
 * What the bytes are, whatever the name says: a workbook saved with a .csv name is a zip, and a list
 * exported as text sometimes gets an .xls/.xlsx name. Web pages and XML saved as .xls stay with the
 * workbook reader, which explains them.
 */
function kindByContent(kind: InputKind, bytes: Buffer): InputKind {
  const sniffed = sniffSpreadsheetKind(bytes);
  if (kind === 'csv' && sniffed !== 'unknown') return sniffed;
  if ((kind === 'xlsx' || kind === 'xls') && sniffed === 'unknown' && looksLikeDelimitedText(bytes)) return 'csv';
  return kind;
}

/** Text with line breaks and delimiters, no control bytes (UTF-16 has NULs: allowed), not markup. */
function looksLikeDelimitedText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const text = utf16 ? head.toString(head[0] === 0xff ? 'utf16le' : 'latin1').replace(/\u0000/g, '') : head.toString('latin1');
  if (/^(\u00ef\u00bb\u00bf|\ufeff)?\s*</.test(text)) return false;
  if (!utf16 && /[\u0000-\u0008\u000e-\u001a]/.test(text)) return false;
  return /[,;\t]/.test(text) && /\n/.test(text);
}

function isBlankText(bytes: Buffer): boolean {
  return bytes.length < 4096 && /^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)?[\s\u0000]*$/.test(bytes.toString('latin1'));
}
