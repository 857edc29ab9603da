const BOM = '\uFEFF';
// Excel runs a cell starting with these as a formula: neutralise with a leading apostrophe (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV for reviewers who open it in Excel: UTF-8 with BOM (so Vietnamese shows), CRLF, quoted where needed,
 * formula-looking cells neutralised.
 *
 * @example
 * toCsv(['tệp', 'dòng'], [['ds.csv', 7]]) // '\uFEFFtệp,dòng\r\nds.csv,7\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map(csvLine).join('');
}

/** One CSV line (with its CRLF), for streaming rows after a toCsv header. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(cell).join(',') + '\r\n';
}
