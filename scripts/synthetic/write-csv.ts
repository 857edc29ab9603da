/**
 * Renders a sheet model as CSV bytes in one of the encodings Vietnamese offices produce, and says on which
 * line each model row starts (a header cell with a line break moves every later record down a line).
 *
 * @example
 * const { bytes, lineOf } = writeCsv(model, { encoding: 'tcvn3', delimiter: ';', eol: '\r\n', padRows: true });
 * lineOf[12]; // 1-based line of model row 12
 */
import type { Cell, SheetModel } from './sheet-model.js';
import { encodeCp1252, encodeCp1258, toTcvn3Text, toVniText } from './legacy-encode.js';

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'cp1258' | 'tcvn3' | 'vni';

export interface CsvOptions {
  encoding: CsvEncoding;
  delimiter: ',' | ';' | '\t';
  eol: '\r\n' | '\n';
  /** Excel pads every row to the sheet width (",,,,"); other tools write only what is there. */
  padRows: boolean;
}

function cellText(c: Cell): string {
  if (c.v === null) return '';
  if (c.v instanceof Date) return c.v.toISOString().slice(0, 10);
  return String(c.v);
}

/** Encodes CSV text the way the chosen encoding stores it. */
export function encodeCsvText(text: string, encoding: CsvEncoding): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8-bom': return Buffer.from('\ufeff' + text, 'utf8');
    case 'utf16le-bom': return Buffer.from('\ufeff' + text, 'utf16le');
    case 'cp1258': return encodeCp1258(text);
    case 'tcvn3': return encodeCp1252(toTcvn3Text(text));
    case 'vni': return encodeCp1252(toVniText(text));
  }
}

export function writeCsv(model: SheetModel, opts: CsvOptions): { bytes: Buffer; lineOf: number[] } {
  const d = opts.delimiter;
  const quote = (s: string): string =>
    s.includes(d) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
  const lines: string[] = [];
  const lineOf: number[] = [];
  let line = 1;
  for (const row of model.rows) {
    let texts = row.cells.map(cellText);
    if (!opts.padRows) {
      let end = texts.length;
      while (end > 0 && texts[end - 1] === '') end--;
      texts = texts.slice(0, end);
    }
    const text = texts.map(quote).join(d);
    lines.push(text);
    lineOf.push(line);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  }
  return { bytes: encodeCsvText(lines.join(opts.eol) + opts.eol, opts.encoding), lineOf };
}
