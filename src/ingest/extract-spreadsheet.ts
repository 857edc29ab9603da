import { readCsvGrid } from './csv-reader.js';
import type { DiscoveredFile } from './discover-files.js';
import { gridToRecords } from './grid-to-records.js';
import type { Grid, SheetExtract } from './source-record.js';
import { readXlsxGrids, UnsupportedSpreadsheetError } from './xlsx-reader.js';

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
  switch (file.kind) {
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
