/**
 * Turns one exceljs cell value into the text a clerk sees in Excel: dates as dd/mm/yyyy, numbers
 * without float noise or lost ID digits, legacy TCVN3/VNI font text converted to Unicode NFC.
 */
import type { CellValue, RichText } from 'exceljs';
import { convertLegacyText, repairLegacyText, type LegacyEncoding } from './legacy-encoding.js';

/** What a cell's font says about how its text is encoded. */
export interface FontEncoding {
  encoding: LegacyEncoding;
  /** TCVN3 "H" fonts (.VnTimeH…) draw every letter as a capital; the bytes carry no case. */
  capitals: boolean;
}

/**
 * Reads the legacy encoding from a font name: `.VnTime`, `.VnArialH`… are TCVN3 (ABC), a trailing
 * `H` being the capital font; `VNI-Times`, `VNI-Helve`… are VNI. Unicode fonts give null.
 *
 * @example
 * fontEncoding('.VnTimeH'); // { encoding: 'tcvn3', capitals: true }
 * fontEncoding('VNI-Times'); // { encoding: 'vni', capitals: false }
 * fontEncoding('Times New Roman'); // null
 */
export function fontEncoding(fontName: string | undefined): FontEncoding | null {
  if (!fontName) return null;
  const name = fontName.trim();
  if (/^vni[-\s_]/i.test(name)) return { encoding: 'vni', capitals: false };
  // ABC fonts are ".VnXxx"; a few copies of them lost the leading dot ("VnTime", "VnArial").
  if (/^\.vn/i.test(name) || /^vn(time|arial|avant|book|centur|helve|univers|black|cooper)/i.test(name)) {
    return { encoding: 'tcvn3', capitals: name.endsWith('H') };
  }
  return null;
}

// Characters that can appear in the cp1252 view of legacy bytes: Latin-1 plus cp1252's 0x80–0x9F set.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** True when the text holds a character no legacy byte could produce: it is already Unicode. */
function isBeyondCp1252(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff && !CP1252_EXTRA.has(text[i])) return true;
  }
  return false;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Decodes the text of a cell (or a rich-text run) given its font name; NFC, not trimmed.
 * A legacy font whose text is already Unicode (converted by hand, font left behind) is left as is.
 *
 * @example
 * decodeFontText('NguyÔn V¨n A', '.VnTime'); // 'Nguyễn Văn A'
 * decodeFontText('NguyÔn V¨n A', '.VnTimeH'); // 'NGUYỄN VĂN A'
 * decodeFontText('Nguyeãn Vaên A', 'VNI-Times'); // 'Nguyễn Văn A'
 * decodeFontText('NguyÔn V¨n A', 'Arial'); // detected: 'Nguyễn Văn A'
 */
export function decodeFontText(text: string, fontName: string | undefined): string {
  const font = fontEncoding(fontName);
  if (font === null) return ASCII_ONLY.test(text) ? text : repairLegacyText(text);
  if (font.capitals) {
    const converted = isBeyondCp1252(text) ? text.normalize('NFC') : convertLegacyText(text, 'tcvn3', { capitals: true });
    // The H fonts also draw ASCII a–z as capitals, so upper-case the whole text, not only the legacy letters.
    return converted.toUpperCase().normalize('NFC');
  }
  if (ASCII_ONLY.test(text)) return text;
  if (isBeyondCp1252(text)) return text.normalize('NFC');
  return convertLegacyText(text, font.encoding).normalize('NFC');
}

const MS_PER_DAY = 86_400_000;
const LOTUS_BUG_START = Date.UTC(1899, 11, 31);
const LOTUS_BUG_END = Date.UTC(1900, 2, 1);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Formats a date cell as dd/mm/yyyy, reading the UTC fields (exceljs builds dates in UTC).
 * Excel counts a fictitious 29/02/1900, so exceljs places serials 1–59 one day early; that is undone here.
 *
 * @example
 * formatExcelDate(new Date(Date.UTC(1968, 2, 12))); // '12/03/1968'
 */
export function formatExcelDate(date: Date, date1904 = false): string {
  let time = date.getTime();
  if (Number.isNaN(time)) return '';
  if (!date1904 && time >= LOTUS_BUG_START && time < LOTUS_BUG_END) time += MS_PER_DAY;
  const d = new Date(time);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * Converts an Excel serial day number to dd/mm/yyyy (for numbers in a date format that exceljs left alone).
 *
 * @example
 * formatExcelSerial(25000); // '11/06/1968'
 */
export function formatExcelSerial(serial: number, date1904 = false): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return formatExcelDate(new Date(epoch + Math.round(serial * MS_PER_DAY)), date1904);
}

/** First section of a number format (the one for positive numbers), split outside quotes. */
function firstSection(numFmt: string): string {
  let inQuote = false;
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === '\\') i++;
    else if (ch === ';' && !inQuote) return numFmt.slice(0, i);
  }
  return numFmt;
}

/**
 * Applies an integer-only digit format such as `000000000000` or `"0"###########`, which offices use
 * to show the leading zero of an ID stored as a number (Hà Nội personal IDs start with 001).
 * Returns null for any other format (decimals, percent, dates, General…).
 */
function applyDigitFormat(value: number, numFmt: string): string | null {
  const tokens: Array<{ placeholder: '0' | '#' } | { literal: string }> = [];
  const fmt = firstSection(numFmt);
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '0' || ch === '#') tokens.push({ placeholder: ch });
    else if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      if (end < 0) return null;
      tokens.push({ literal: fmt.slice(i + 1, end) });
      i = end;
    } else if (ch === '\\') tokens.push({ literal: fmt[++i] ?? '' });
    else if (ch === '_' || ch === '*') i++; // padding / fill: no visible text of its own
    else if (ch === '[') {
      const end = fmt.indexOf(']', i);
      if (end < 0) return null;
      i = end; // colour or locale tag
    } else if (' -()/:'.includes(ch)) tokens.push({ literal: ch });
    else return null;
  }
  const placeholders = tokens.filter((t) => 'placeholder' in t).length;
  if (placeholders === 0) return null;
  // Fill placeholders right to left; digits left over go into the leftmost one, as Excel does.
  let digits = value === 0 ? '' : String(value);
  const out: string[] = [];
  let seen = 0;
  for (let t = tokens.length - 1; t >= 0; t--) {
    const token = tokens[t];
    if ('literal' in token) {
      out.push(token.literal);
      continue;
    }
    seen++;
    if (seen === placeholders) {
      out.push(digits === '' ? (token.placeholder === '0' ? '0' : '') : digits);
      digits = '';
    } else if (digits !== '') {
      out.push(digits[digits.length - 1]);
      digits = digits.slice(0, -1);
    } else if (token.placeholder === '0') out.push('0');
  }
  return out.reverse().join('');
}

/**
 * Writes a number as Excel shows it in General format: integers with all their digits (a 12-digit ID
 * stays 12 digits), other numbers rounded to Excel's 15 significant digits so float noise disappears.
 * Zero-padding digit formats are applied, so `000000000000` keeps an ID's leading zeros.
 *
 * @example
 * formatExcelNumber(1.0); // '1'
 * formatExcelNumber(0.1 + 0.2); // '0.3'
 * formatExcelNumber(1234567890, '000000000000'); // '001234567890'
 */
export function formatExcelNumber(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) {
    if (numFmt && value >= 0 && Number.isSafeInteger(value)) {
      const formatted = applyDigitFormat(value, numFmt);
      if (formatted !== null) return formatted;
    }
    return Object.is(value, -0) ? '0' : String(value);
  }
  return String(Number(value.toPrecision(15)));
}

/**
 * Tells whether a number format displays a date. exceljs already turns such cells into Dates; this
 * catches formula results and formats it missed. Quoted text, escapes and [tags] are ignored.
 *
 * @example
 * isDateFormat('dd/mm/yyyy'); // true
 * isDateFormat('0" tuổi"'); // false
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*]/g, '');
  return /[dy]/i.test(bare);
}

/** Style facts needed to render a cell, taken from the merge master when the cell is merged. */
export interface CellStyleFacts {
  numFmt?: string;
  fontName?: string;
}

function richTextToString(runs: RichText[], cellFont: string | undefined): string {
  // A cell mixes fonts rarely; decode per run only when some run names a legacy font, otherwise
  // detect on the joined text, which gives the detector more to go on.
  const anyLegacyFont = runs.some((run) => fontEncoding(run.font?.name ?? cellFont) !== null);
  if (!anyLegacyFont) return decodeFontText(runs.map((run) => run.text ?? '').join(''), undefined);
  return runs.map((run) => decodeFontText(run.text ?? '', run.font?.name ?? cellFont)).join('');
}

/** Per-workbook settings and memo for `cellValueText`. */
export interface CellTextContext {
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
  /**
   * Memo of decoded strings keyed by font and text: a registry sheet repeats the same few hamlets,
   * ethnic groups and relations thousands of times, and legacy conversion is the costly part.
   */
  cache?: Map<string, string>;
}

const CACHE_LIMIT = 200_000;

function decodeCached(text: string, fontName: string | undefined, context: CellTextContext): string {
  const cache = context.cache;
  if (cache === undefined || ASCII_ONLY.test(text)) return decodeFontText(text, fontName).trim();
  const key = `${fontName ?? ''}\u0000${text}`;
  let decoded = cache.get(key);
  if (decoded === undefined) {
    decoded = decodeFontText(text, fontName).trim();
    if (cache.size < CACHE_LIMIT) cache.set(key, decoded);
  }
  return decoded;
}

/**
 * Renders an exceljs cell value as trimmed NFC text: formulas as their cached result, rich text
 * joined, hyperlinks as their text, booleans TRUE/FALSE, errors and missing results as ''.
 *
 * @example
 * const ctx = { date1904: false };
 * cellValueText(new Date(Date.UTC(1968, 2, 12)), {}, ctx); // '12/03/1968'
 * cellValueText({ formula: 'A1', result: 123456789012 }, {}, ctx); // '123456789012'
 * cellValueText('  NguyÔn V¨n A ', { fontName: '.VnTimeH' }, ctx); // 'NGUYỄN VĂN A'
 */
export function cellValueText(value: CellValue, style: CellStyleFacts, context: CellTextContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeCached(value, style.fontName, context);
  if (typeof value === 'number') {
    return isDateFormat(style.numFmt)
      ? formatExcelSerial(value, context.date1904)
      : formatExcelNumber(value, style.numFmt);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatExcelDate(value, context.date1904);
  if ('richText' in value) return richTextToString(value.richText ?? [], style.fontName).trim();
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return '';
    return cellValueText(result as CellValue, style, context);
  }
  if ('hyperlink' in value || 'text' in value) {
    // Hyperlink text is a string, or rich text when the link text was formatted.
    return cellValueText((value as { text: CellValue }).text, style, context);
  }
  return '';
}
