/**
 * Reads the number groups out of a date cell as clerks write it ("12/3/1968", "ngày 12 tháng 3 năm
 * 1968", "1968-03-12 00:00:00", "25000.0", "12/3/1968 (âm lịch)") and notes what else was in it.
 */
import { cleanText, foldKey } from './vietnamese-text.js';

/** What a date cell holds once its words are read. */
export interface DateText {
  kind: 'empty' | 'unknown' | 'numbers';
  /** Digit groups in written order. */
  numbers: string[];
  /** The year was labelled ("năm 68"), so a lone two-digit number is a year. */
  yearLabelled: boolean;
  /** The cell says the date is a lunar one (âm lịch, AL). */
  lunar: boolean;
  /** Other words or signs were dropped (khoảng, ?, a note in brackets). */
  extraText: boolean;
}

/** Placeholders for "not known", on folded text. */
const UNKNOWN_RE =
  /^(?:[-–—.?x*/\s]+|0+|0{1,2}[/.-]0{1,2}[/.-]0{2,4}|khong ro|chua ro|k ro|k\/r|kr|n\/a|khong nho|khong co|chua co)$/;
const LUNAR_RE = /am lich|\ba\.?l\b/;
const LUNAR_WORDS_RE = /\(?\s*\b(?:am lich|a\.?l)\b\.?\s*\)?/g;
/** A time of day after the date, as spreadsheet exports write it. */
const TIME_RE = /(?:t|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[ap]m|sa|ch|[+-]\d{2}:?\d{2})?$/;
/** "1968.0" from a numeric cell, or an Excel serial with a time of day ("25000.5"). */
const FLOAT_RE = /^(\d+)[.,]0+$|^(\d{5})[.,]\d+$/;
const BRACKETED_RE = /\([^)]*\)|\[[^\]]*\]/g;
const YEAR_WORD_RE = /\bnam\b/;
const LEAD_WORDS_RE = /\b(?:ngay sinh|sinh ngay|sinh nam|sinh thang|sinh|ns|ngay)\b\s*:?/g;
const PART_WORDS_RE = /\b(?:thang|nam)\b\s*:?/g;
const FOREIGN_CHAR_RE = /[^0-9/.\-,\s]/g;
const SEPARATORS_RE = /[/.\-,\s]+/;

/**
 * Splits a date cell into its number groups.
 *
 * @example
 * readDateText('Ngày 12 tháng 3 năm 1968'); // { kind: 'numbers', numbers: ['12', '3', '1968'], … }
 * readDateText('không rõ').kind; // 'unknown'
 */
export function readDateText(raw: string): DateText {
  const result: DateText = { kind: 'numbers', numbers: [], yearLabelled: false, lunar: false, extraText: false };
  const text = cleanText(raw);
  if (text === '') return { ...result, kind: 'empty' };
  let f = foldKey(text);
  if (UNKNOWN_RE.test(f)) return { ...result, kind: 'unknown' };
  result.lunar = LUNAR_RE.test(f);
  if (result.lunar) f = f.replace(LUNAR_WORDS_RE, ' ');
  f = f.replace(TIME_RE, '').trim();
  const float = FLOAT_RE.exec(f);
  if (float !== null) f = float[1] ?? float[2];
  const withoutNotes = f.replace(BRACKETED_RE, ' ');
  if (withoutNotes !== f) result.extraText = true;
  result.yearLabelled = YEAR_WORD_RE.test(withoutNotes);
  const bare = withoutNotes.replace(LEAD_WORDS_RE, ' ').replace(PART_WORDS_RE, '/');
  const digitsOnly = bare.replace(FOREIGN_CHAR_RE, ' ');
  if (digitsOnly !== bare) result.extraText = true;
  result.numbers = digitsOnly.split(SEPARATORS_RE).filter((n) => n !== '');
  return result;
}
