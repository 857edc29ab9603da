import { label, type Comparison, type Label } from '../comparison.js';
import { editDistance } from '../text-similarity.js';
import { nullLevel } from './text-comparison.js';

/** A date with its precision: month and day are 0 when not known. */
export interface DateFeatures {
  text: string;
  year: number;
  month: number;
  day: number;
}

const ISO_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Birth-date comparison over ISO dates with precision (`1968`, `1968-03`, `1968-03-12`).
 * Levels: null; exact (full dates only); day and month swapped; one digit off (full dates); same year and month; partial date
 * compatible ('1968' vs '1968-03-12'); same year; a year apart; else.
 *
 * @example
 * const dob = birthDateComparison<PersonValues>((p) => p.birth_date);
 * // '1968-03-12' vs '1968-12-03' → 'dm_swap'; '1968' vs '1968-03-12' → 'partial'
 */
export function birthDateComparison<R>(value: (record: R) => string | null | undefined, name = 'birth_date', f: Label = label('ngày sinh', 'birth date')): Comparison<R, DateFeatures | null> {
  const full = (d: DateFeatures) => d.day > 0;
  return {
    name,
    label: f,
    prepare: (record) => parseIsoDate(value(record)),
    levels: [
      nullLevel(f),
      // Only a full date can be the same date: two people born in 1968 share a year, not a birthday ('partial' below).
      { key: 'exact', label: label(`cùng ${f.vi}`, `same ${f.en}`), m: 0.8, u: 0.0001, test: (a, b) => full(a!) && a!.text === b!.text },
      {
        key: 'dm_swap',
        label: label(`${f.vi} đảo ngày và tháng`, `${f.en} with day and month swapped`),
        m: 0.02,
        u: 0.00001,
        test: (a, b) => full(a!) && full(b!) && a!.year === b!.year && a!.day === b!.month && a!.month === b!.day,
      },
      {
        key: 'typo',
        label: label(`${f.vi} lệch một chữ số`, `${f.en} one digit off`),
        m: 0.05,
        u: 0.001,
        test: (a, b) => full(a!) && full(b!) && editDistance(a!.text, b!.text, 1) <= 1,
      },
      { key: 'year_month', label: label(`cùng tháng năm sinh`, `same year and month of birth`), m: 0.02, u: 0.001, test: (a, b) => a!.year === b!.year && a!.month === b!.month && a!.month > 0 },
      {
        key: 'partial',
        label: label(`${f.vi} không đầy đủ nhưng khớp`, `partial ${f.en} compatible`),
        m: 0.05,
        u: 0.005,
        test: (a, b) => a!.year === b!.year && (a!.month === 0 || b!.month === 0 || (a!.month === b!.month && (a!.day === 0 || b!.day === 0))),
      },
      // Both dates say more than the year and still differ: a typo is rare, two people of one year are not.
      { key: 'year', label: label('cùng năm sinh, khác ngày tháng', 'same birth year, other day and month'), m: 0.004, u: 0.01, test: (a, b) => a!.year === b!.year },
      { key: 'year_1', label: label('năm sinh lệch một năm', 'birth year one apart'), m: 0.02, u: 0.02, test: (a, b) => Math.abs(a!.year - b!.year) === 1 },
      // Beyond swaps, typos and ±1 year, the same person's dates rarely differ: a father and son who share a name and a
      // book differ here, and must not look alike.
      { key: 'else', label: label(`${f.vi} khác`, `${f.en} differs`), m: 0.002, u: 0.96 },
    ],
  };
}

/**
 * Parses `yyyy`, `yyyy-mm` or `yyyy-mm-dd` (month/day 00 read as unknown); anything else is null.
 *
 * @example
 * parseIsoDate('1968-03'); // { text: '1968-03', year: 1968, month: 3, day: 0 }
 */
export function parseIsoDate(text: string | null | undefined): DateFeatures | null {
  if (!text) return null;
  // Dates are parsed for every record and candidate by several rules and comparisons: the stored form is read by
  // character codes, anything else by the regular expression.
  const stored = parseStoredDate(text);
  if (stored) return stored;
  const match = ISO_RE.exec(text.trim());
  if (!match) return null;
  const month = Number(match[2] ?? 0);
  const day = month === 0 ? 0 : Number(match[3] ?? 0);
  return { text: match[0], year: Number(match[1]), month, day };
}

/** `yyyy`, `yyyy-mm` or `yyyy-mm-dd` exactly as stored (no spaces), else null; parseIsoDate's answer for those. */
function parseStoredDate(text: string): DateFeatures | null {
  const n = text.length;
  if (n !== 4 && n !== 7 && n !== 10) return null;
  const year = digitsAt(text, 0, 4);
  if (year < 0) return null;
  if (n === 4) return { text, year, month: 0, day: 0 };
  const month = text.charCodeAt(4) === 45 ? digitsAt(text, 5, 2) : -1;
  if (month < 0) return null;
  if (n === 7) return { text, year, month, day: 0 };
  const day = text.charCodeAt(7) === 45 ? digitsAt(text, 8, 2) : -1;
  if (day < 0) return null;
  return { text, year, month, day: month === 0 ? 0 : day };
}

/** The number written by `count` ASCII digits from `start`, or -1. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
