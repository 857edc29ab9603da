/**
 * Dates (birth dates first of all) as ISO text with the precision that is known: '1968', '1968-03',
 * '1968-03-12'. Validity is decided with integer calendar rules, never by the JS Date parser.
 */
import type { Issue, Normalized } from './issue.js';
import {
  compareKnown,
  daysInMonth,
  excelSerialToDate,
  formatPartialIso,
  minimumAge,
  type CalendarDate,
} from './date-calendar.js';
import { readDateText, type DateText } from './date-text.js';
import { cleanText } from './vietnamese-text.js';

export interface DateOptions {
  /** The run's date; only its local calendar day is used (future and age checks). */
  today: Date;
  /** Field named in issues; 'birth_date' by default. */
  field?: string;
}

/** Numbers read as a date; a two-digit year still needs its century. */
interface ReadDate extends CalendarDate {
  twoDigitYear: boolean;
}

const MAX_AGE = 120;
const SERIAL_MIN = 10000;
const SERIAL_MAX = 80000;
const YEAR_RE = /^\d{4}$/;
const SHORT_RE = /^\d{1,2}$/;
const TWO_DIGIT_RE = /^\d{2}$/;
const SERIAL_RE = /^\d{5}$/;
const COMPACT_RE = /^\d{8}$/;

/**
 * Normalizes a date cell. Empty cells give `{ value: null, issues: [] }`: whether a date is required
 * is a record-level rule.
 *
 * @example
 * normalizeDate('12/3/1968', { today }).value; // '1968-03-12'
 * normalizeDate('00/03/1968', { today }).value; // '1968-03'
 * normalizeDate('31/02/1968', { today }).issues[0].code; // 'date_impossible'
 */
export function normalizeDate(raw: string, options: DateOptions): Normalized<string> {
  const field = options.field ?? 'birth_date';
  const shown = cleanText(raw);
  const text = readDateText(raw);
  if (text.kind === 'empty') return { value: null, issues: [] };
  if (text.kind === 'unknown') return unknown(field, shown);
  const issues = textWarnings(text, field, shown);
  const read = readNumbers(text.numbers, text.yearLabelled);
  // Warnings about dropped words mean nothing when nothing could be read.
  if (read === null) return doubtful([], field, 'date_unparseable', `Không đọc được ngày tháng: "${shown}"`);
  return finish(read, field, shown, options.today, issues);
}

/**
 * Normalizes a date given in three cells (Ngày, Tháng, Năm). Empty or 0 day/month lower the precision.
 *
 * @example
 * normalizeDateParts('', '3', '1968', { today }).value; // '1968-03'
 * normalizeDateParts('12', '3', '68', { today }).value; // '1968-03-12' (with a two-digit-year warning)
 */
export function normalizeDateParts(
  day: string,
  month: string,
  year: string,
  options: DateOptions,
): Normalized<string> {
  const field = options.field ?? 'birth_date';
  const [d, m, y] = [cleanText(day), cleanText(month), cleanText(year)];
  if (d === '' && m === '' && y === '') return { value: null, issues: [] };
  // The whole date (or a serial) typed into one of the cells.
  if (d === '' && m === '') return normalizeDate(y, options);
  if (y === '' && (d === '') !== (m === '') && readDateText(d + m).numbers.length >= 2) {
    return normalizeDate(d + m, options);
  }
  const shown = `${d}/${m}/${y}`;
  const parts = [readDateText(d), readDateText(m), readDateText(y)];
  const issues: Issue[] = [];
  for (const part of parts) issues.push(...textWarnings(part, field, shown));
  const [dayNo, monthNo, yearNo] = parts.map(partNumber);
  if (y === '' || parts[2].kind === 'unknown') {
    return doubtful([], field, 'date_unparseable', `Thiếu năm trong ngày tháng: "${shown}"`);
  }
  if (
    dayNo === null ||
    monthNo === null ||
    yearNo === null ||
    !SHORT_RE.test(dayNo) ||
    !SHORT_RE.test(monthNo) ||
    !(YEAR_RE.test(yearNo) || TWO_DIGIT_RE.test(yearNo))
  ) {
    return doubtful([], field, 'date_unparseable', `Không đọc được ngày tháng: "${shown}"`);
  }
  const read: ReadDate = {
    year: Number(yearNo),
    month: Number(monthNo),
    day: Number(dayNo),
    twoDigitYear: yearNo.length === 2,
  };
  return finish(read, field, shown, options.today, issues);
}

/** The one number of a Ngày/Tháng/Năm cell; '0' for an empty or unknown cell, null for none or several. */
function partNumber(part: DateText): string | null {
  if (part.kind !== 'numbers') return '0';
  return part.numbers.length === 1 ? part.numbers[0] : null;
}

/** Interprets the number groups by their count and widths; null when they are not a date. */
function readNumbers(numbers: string[], yearLabelled: boolean): ReadDate | null {
  const [a, b, c] = numbers;
  const date = (year: string, month: string, day: string): ReadDate => ({
    year: Number(year),
    month: Number(month),
    day: Number(day),
    twoDigitYear: year.length === 2,
  });
  switch (numbers.length) {
    case 1:
      if (YEAR_RE.test(a)) return date(a, '0', '0');
      if (SERIAL_RE.test(a) && Number(a) >= SERIAL_MIN && Number(a) <= SERIAL_MAX) {
        return { ...excelSerialToDate(Number(a)), twoDigitYear: false };
      }
      if (COMPACT_RE.test(a)) return readCompact(a);
      if (yearLabelled && TWO_DIGIT_RE.test(a)) return date(a, '0', '0');
      return null;
    case 2:
      if (SHORT_RE.test(a) && YEAR_RE.test(b)) return date(b, a, '0');
      if (YEAR_RE.test(a) && SHORT_RE.test(b)) return date(a, b, '0');
      // "3/68" could be a day and month; only a labelled year ("tháng 3 năm 68") is safe.
      if (yearLabelled && SHORT_RE.test(a) && TWO_DIGIT_RE.test(b)) return date(b, a, '0');
      return null;
    case 3:
      if (YEAR_RE.test(a) && SHORT_RE.test(b) && SHORT_RE.test(c)) return date(a, b, c);
      if (SHORT_RE.test(a) && SHORT_RE.test(b) && (YEAR_RE.test(c) || TWO_DIGIT_RE.test(c))) return date(c, b, a);
      return null;
    default:
      return null;
  }
}

/** 8 digits: yyyymmdd when that is a real date of 18xx–20xx, otherwise ddmmyyyy. */
function readCompact(digits: string): ReadDate {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  if (y >= 1800 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
    return { year: y, month: m, day: d, twoDigitYear: false };
  }
  return {
    year: Number(digits.slice(4, 8)),
    month: Number(digits.slice(2, 4)),
    day: Number(digits.slice(0, 2)),
    twoDigitYear: false,
  };
}

/** Century, calendar validity, future and age checks; then the ISO value. */
function finish(read: ReadDate, field: string, shown: string, todayDate: Date, issues: Issue[]): Normalized<string> {
  const today: CalendarDate = { year: todayDate.getFullYear(), month: todayDate.getMonth() + 1, day: todayDate.getDate() };
  const date: CalendarDate = { year: read.year, month: read.month, day: read.day };
  if (read.twoDigitYear) {
    // The century that does not put the date in the future.
    date.year = 2000 + read.year;
    if (compareKnown(date, today) > 0) date.year = 1900 + read.year;
    issues.push(warning(field, 'date_two_digit_year', `Năm ghi hai chữ số, đã hiểu là năm ${date.year}: "${shown}"`));
  }
  if (date.year === 0 || date.month > 12 || date.day > 31 || (date.month > 0 && date.day > daysInMonth(date.year, date.month))) {
    const swapped = date.day >= 1 && date.day <= 12 && date.month <= daysInMonth(date.year, date.day);
    const hint = swapped && date.month > 12 ? ' (có thể ghi tháng trước ngày)' : '';
    return doubtful(issues, field, 'date_impossible', `Ngày tháng không tồn tại: "${shown}"${hint}`);
  }
  if (date.month === 0 && date.day !== 0) {
    date.day = 0;
    issues.push(warning(field, 'date_day_without_month', `Có ngày nhưng không có tháng, chỉ giữ năm: "${shown}"`));
  }
  if (compareKnown(date, today) > 0) {
    return doubtful(issues, field, 'date_future', `Ngày tháng ở tương lai: "${shown}"`);
  }
  if (minimumAge(date, today) > MAX_AGE) {
    return doubtful(issues, field, 'date_too_old', `Ngày tháng quá xa (hơn ${MAX_AGE} năm trước): "${shown}"`);
  }
  return { value: formatPartialIso(date), issues };
}

function textWarnings(text: DateText, field: string, shown: string): Issue[] {
  const issues: Issue[] = [];
  if (text.lunar) {
    issues.push(warning(field, 'date_lunar', `Ngày tháng ghi theo âm lịch, đã lưu như dương lịch: "${shown}"`));
  }
  if (text.extraText) {
    issues.push(warning(field, 'date_extra_text', `Ngày tháng có chữ hoặc ký hiệu thừa, đã bỏ qua: "${shown}"`));
  }
  return issues;
}

function unknown(field: string, shown: string): Normalized<string> {
  return { value: null, issues: [warning(field, 'date_unknown', `Ngày tháng ghi là không rõ: "${shown}"`)] };
}

function warning(field: string, code: string, message: string): Issue {
  return { field, code, severity: 'warning', message };
}

/**
 * An impossible, future, too-old or unreadable date is doubtful, not fatal: the person is still loaded (pending
 * review) without a birth date, and the field goes to a reviewer with the value as written.
 */
function doubtful(issues: Issue[], field: string, code: string, message: string): Normalized<string> {
  issues.push({ field, code, severity: 'review', message });
  return { value: null, issues };
}
