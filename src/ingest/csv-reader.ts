/**
 * Reads a CSV/TSV file into a Grid: decodes it (any encoding Vietnamese offices produce, see
 * decode-text-file.ts), finds the delimiter, parses with papaparse (quoted fields may hold delimiters and
 * newlines) and records the file line on which each record starts.
 */
import Papa from 'papaparse';
import { decodeTextFile } from './decode-text-file.js';
import type { TextEncodingName } from './decode-text-file.js';
import type { Grid, GridRow } from './source-record.js';

/** Excel writes `,` (or `;` where the decimal mark is a comma) for CSV and tab for "Unicode text". */
const DELIMITERS = ['\t', ';', ','] as const;
const SNIFF_RECORDS = 200;

/**
 * The delimiter that splits the most sampled records into the same number (≥ 2) of fields. Counting the
 * most common field count, not the average, keeps title lines above the header and unquoted commas inside
 * addresses of a `;` file from tipping the choice. Ties keep the order tab, `;`, `,`.
 * @example guessDelimiter('Họ tên;Địa chỉ\nLò Văn Pánh;Bản Na Ngam, xã Na Ư\n') // ';'
 */
export function guessDelimiter(text: string): string {
  let best: string = ',';
  let bestFreq = 0;
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, { delimiter, newline: '\n', preview: SNIFF_RECORDS });
    const freq = new Map<number, number>();
    for (const row of data) if (row.length >= 2) freq.set(row.length, (freq.get(row.length) ?? 0) + 1);
    for (const n of freq.values()) {
      if (n > bestFreq) {
        best = delimiter;
        bestFreq = n;
      }
    }
  }
  return best;
}

/**
 * Reads CSV bytes into a grid. `rowNumber` is the 1-based line on which the record starts (newlines inside
 * quoted fields of earlier records count). Cells are trimmed; a blank line is a row with one empty cell;
 * blank lines at the end of the file are dropped.
 * @example readCsvGrid(new TextEncoder().encode('STT,Họ và tên\n1,"Lò Văn\nPánh"\n2,Giàng A Páo\n'))
 * // grid.rows: [{rowNumber: 1, …}, {rowNumber: 2, cells: ['1', 'Lò Văn\nPánh']}, {rowNumber: 4, cells: ['2', 'Giàng A Páo']}]
 */
export function readCsvGrid(bytes: Uint8Array): { grid: Grid; encoding: TextEncodingName; delimiter: string } {
  const decoded = decodeTextFile(bytes);
  // One line-break form, so that line counting and papaparse agree (old Mac files use a lone CR).
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const delimiter = guessDelimiter(text);
  const rows: GridRow[] = [];
  let line = 1;
  let counted = 0; // text[0, counted) has been scanned for newlines
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    step: (result) => {
      rows.push({ rowNumber: line, cells: result.data.map((cell) => cell.trim()) });
      // The cursor is the offset just past this record: the next record starts there.
      const end = result.meta.cursor;
      for (let i = counted; i < end; i++) if (text.charCodeAt(i) === 0x0a) line++;
      counted = end;
    },
  });
  while (rows.length > 0 && rows[rows.length - 1].cells.every((c) => c === '')) rows.pop();
  return { grid: { sheet: null, rows }, encoding: decoded.encoding, delimiter };
}
