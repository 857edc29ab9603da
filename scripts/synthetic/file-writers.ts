/**
 * One file at a time: renders the sheets of a CSV or XLSX file, records them in the truth and returns the
 * bytes. Shared by the random file-set generator and the hand-picked fixtures.
 *
 * @example
 * const bytes = emitCsv(tb, rng, '001-xa-muong-phang.csv', entries, layout, { encoding: 'tcvn3', delimiter: ';', eol: '\r\n', padRows: true });
 */
import type { Rng } from './prng.js';
import type { Layout } from './layout.js';
import type { SheetEntry } from './render-sheet.js';
import { renderSheet } from './render-sheet.js';
import { writeCsv, type CsvOptions } from './write-csv.js';
import { writeXlsx, type XlsxSheet, type XlsxSheetEncoding } from './write-xlsx.js';
import type { TruthBuilder } from './truth-builder.js';

export function emitCsv(tb: TruthBuilder, rng: Rng, file: string, entries: readonly SheetEntry[], layout: Layout, opts: CsvOptions): Buffer {
  const model = renderSheet(rng, entries, layout, { name: null, target: 'csv', dateCells: 'text', idAsNumber: false });
  const { bytes, lineOf } = writeCsv(model, opts);
  const delimiterName = opts.delimiter === '\t' ? 'tab' : opts.delimiter;
  const f = tb.addFile({ file, format: 'csv', encoding: opts.encoding, delimiter: opts.delimiter });
  tb.addSheet(f, model, (i) => lineOf[i], `csv ${opts.encoding}, delimiter ${delimiterName}, ${opts.eol === '\r\n' ? 'CRLF' : 'LF'}${opts.padRows ? ', padded rows' : ''}`);
  return bytes;
}

export interface XlsxSheetSpec {
  name: string;
  entries: readonly SheetEntry[];
  layout: Layout;
  encoding: XlsxSheetEncoding;
  dateCells: 'text' | 'date' | 'serial' | 'mixed';
  idAsNumber: boolean;
}

export async function emitXlsx(tb: TruthBuilder, rng: Rng, file: string, specs: readonly XlsxSheetSpec[], emptySheets: readonly string[] = []): Promise<Buffer> {
  const f = tb.addFile({ file, format: 'xlsx', encoding: [...new Set(specs.map((s) => s.encoding))].join('+'), delimiter: null });
  const sheets: XlsxSheet[] = specs.map((s) => {
    const model = renderSheet(rng, s.entries, s.layout, { name: s.name, target: 'xlsx', dateCells: s.dateCells, idAsNumber: s.idAsNumber });
    tb.addSheet(f, model, (i) => i + 1, `xlsx ${s.encoding}, date cells ${s.dateCells}${s.idAsNumber ? ', IDs as numbers' : ''}, ${model.merges.length} merges`);
    return { model, encoding: s.encoding };
  });
  for (const name of emptySheets) tb.addEmptySheet(f, name);
  return writeXlsx(sheets, emptySheets);
}
