import type { Issue, Normalized, Severity } from './issue.js';
import { PROVINCE_ID_PREFIXES, type ProvinceIdPrefix } from './data/province-id-prefixes.js';

/** The two identity numbers a person can carry. */
export interface IdValues {
  /** 12-digit số định danh cá nhân / CCCD, digits only. */
  personal_id: string | null;
  /** 9-digit CMND as text (leading zeros matter). */
  old_id: string | null;
}

/** What the 12 digits of a personal ID say about its holder. */
export interface DecodedPersonalId {
  prefix: string;
  /** Province of birth registration, null when the prefix is not in Thông tư 07/2016 Phụ lục I. */
  province: ProvinceIdPrefix | null;
  sex: 'M' | 'F';
  birthYear: number;
}

type IdField = 'personal_id' | 'old_id' | 'id_any';

const PREFIXES = new Map(PROVINCE_ID_PREFIXES.map((p) => [p.prefix, p]));
/** 4th digit / 2 → first year of the century (0/1 = 1900s … 8/9 = 1800s). */
const CENTURY_START = [1900, 2000, 2100, 2200, 1800];

/** Cells that say "no number" rather than giving one. */
const PLACEHOLDER = /^(?:kh[oô]ng(?: c[oó])?|ch[uư]a (?:c[oó]|c[aấ]p|l[aà]m)|k|ko|kc|kcc|n\/?a|null|none|x+|\?+)$/iu;
/** Excel's General format shows 12-digit numbers as 1.23457E+11: the last digits are gone. */
const SCIENTIFIC = /^\+?\d+(?:[.,]\d+)?\s*e\s*\+?\s*(\d+)$/i;
/** A number read back as a float: "11095001234.0". */
const FLOAT_TAIL = /^(\d{4,})\.0+$/;
/** Label words people type before the number ("CCCD số: …", "CMND: …"). */
const LABEL = /^(?:s[ốo]|cccd|cmnd|cmt|cc|cm|đdcn|ddcn|id|no|căn cước|can cuoc|công dân|cong dan|chứng minh|chung minh|nhân dân|nhan dan|định danh|dinh danh|cá nhân|ca nhan|[\s.:#№-])+/iu;
/** Between two numbers in one cell ("012345678 / 011095001234"). */
const MULTI_SPLIT = /\s*[/;|\n]\s*|\s+[-–]\s+|,\s+/;
const SEPARATORS = /[\s.\-–_,'’`]/g;

/**
 * Decodes the structure of a 12-digit personal ID: prefix (province), sex and birth year from the
 * 4th digit (0/1 = male/female born 1900–1999, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 1800s)
 * and the 5th–6th digits. Returns null when `id` is not 12 digits.
 *
 * @example
 * decodePersonalId('011168001234') // { prefix: '011', province: { province: 'Điện Biên', … }, sex: 'F', birthYear: 1968 }
 */
export function decodePersonalId(id: string): DecodedPersonalId | null {
  if (!/^\d{12}$/.test(id)) return null;
  const d = Number(id[3]);
  return {
    prefix: id.slice(0, 3),
    province: PREFIXES.get(id.slice(0, 3)) ?? null,
    sex: d % 2 === 0 ? 'M' : 'F',
    birthYear: CENTURY_START[Math.floor(d / 2)] + Number(id.slice(4, 6)),
  };
}

/**
 * Checks a 12-digit personal ID against the prefix list and the person's birth year and sex.
 * Every finding is a `review` issue: the record goes to a person, nothing is fixed silently.
 *
 * @example
 * checkPersonalId('011068001234', { birthYear: 1986, sex: 'M' })
 * // [{ field: 'personal_id', code: 'personal_id_birth_year_mismatch', severity: 'review', … }]
 */
export function checkPersonalId(id: string, person: { birthYear: number | null; sex: 'M' | 'F' | null }): Issue[] {
  const decoded = decodePersonalId(String(id ?? ''));
  if (!decoded) return [issue('personal_id', 'personal_id_format', 'review', `Số định danh không đủ 12 chữ số: '${id}'`)];
  const issues: Issue[] = [];
  if (!decoded.province) {
    issues.push(issue('personal_id', 'personal_id_unknown_prefix', 'review',
      `Mã tỉnh '${decoded.prefix}' của số định danh ${id} không có trong danh mục (Thông tư 07/2016); ` +
        'người đăng ký khai sinh ở nước ngoài có mã quốc gia riêng, cần kiểm tra'));
  }
  if (person.sex && person.sex !== decoded.sex) {
    issues.push(issue('personal_id', 'personal_id_sex_mismatch', 'review',
      `Số định danh ${id}: chữ số thứ 4 (${id[3]}) là ${sexLabel(decoded.sex)} nhưng giới tính ghi ${sexLabel(person.sex)}`));
  }
  const birthYear = person.birthYear;
  if (birthYear !== null && Number.isFinite(birthYear) && birthYear !== decoded.birthYear) {
    issues.push(issue('personal_id', 'personal_id_birth_year_mismatch', 'review',
      `Số định danh ${id} ứng với năm sinh ${decoded.birthYear} nhưng năm sinh ghi ${birthYear}`));
  } else if (birthYear === null && (decoded.birthYear < 1900 || decoded.birthYear >= 2100)) {
    // Without a birth year to compare, a 1800s or 2100s century digit is still impossible for a living person.
    issues.push(issue('personal_id', 'personal_id_century_implausible', 'review',
      `Số định danh ${id} ứng với năm sinh ${decoded.birthYear}, không hợp lý`));
  }
  return issues;
}

/**
 * Cleans the ID columns of a record and sorts the numbers into `personal_id` (12 digits) and `old_id`
 * (9-digit CMND), whatever column they were typed in. Lost leading zeros are proposed with a review
 * issue; Excel's scientific notation is a reject (`personal_id_mangled`): the digits are gone.
 *
 * @example
 * normalizeIds({ id_any: '011.068.001.234' }).value // { personal_id: '011068001234', old_id: null }
 * normalizeIds({ old_id: '40123456' }).value        // { personal_id: null, old_id: '040123456' } + review issue
 */
export function normalizeIds(raw: { personal_id?: string; old_id?: string; id_any?: string }): Normalized<IdValues> {
  const value: IdValues = { personal_id: null, old_id: null };
  const issues: Issue[] = [];
  const fields: IdField[] = ['personal_id', 'id_any', 'old_id'];
  for (const field of fields) {
    const cell = raw?.[field];
    if (cell === undefined || cell === null) continue;
    for (const found of parseIdCell(String(cell), field, issues)) {
      const slot = found.length === 12 ? 'personal_id' : 'old_id';
      if (field === 'personal_id' && slot === 'old_id') {
        issues.push(issue(field, 'personal_id_is_old_id', 'warning', `Cột số định danh chứa số CMND 9 chữ số: ${found}`));
      } else if (field === 'old_id' && slot === 'personal_id') {
        issues.push(issue(field, 'old_id_is_personal_id', 'warning', `Cột CMND chứa số 12 chữ số, coi là số định danh: ${found}`));
      }
      const current = value[slot];
      if (current === null) value[slot] = found;
      else if (current !== found) {
        issues.push(issue(field, slot === 'personal_id' ? 'personal_id_conflict' : 'old_id_conflict', 'review',
          `Hai số ${slot === 'personal_id' ? 'định danh' : 'CMND'} khác nhau: ${current} và ${found}`));
      }
    }
  }
  return { value, issues };
}

/** Digit strings of 9 or 12 digits found in one cell; problems go to `issues`. */
function parseIdCell(cell: string, field: IdField, issues: Issue[]): string[] {
  // NFKC turns full-width digits (０１１…) into ASCII; '="011…"' is how some exports force text in Excel.
  const text = cell.normalize('NFKC').replace(/[\u00a0\u200b\ufeff]/g, ' ').trim()
    .replace(/^=/, '').replace(/^['"`’]+|['"`’]+$/g, '').trim();
  if (text === '' || /^[-–—_.\s/]*$/.test(text) || PLACEHOLDER.test(text)) return [];
  const sci = SCIENTIFIC.exec(text);
  if (sci) {
    const code = field === 'old_id' && Number(sci[1]) < 11 ? 'old_id_mangled' : 'personal_id_mangled';
    issues.push(issue(field, code, 'reject',
      `Số giấy tờ bị Excel đổi sang dạng số mũ, đã mất các chữ số cuối: '${text}' (cần nhập lại dạng văn bản)`));
    return [];
  }
  const parts = text.split(MULTI_SPLIT).filter((p) => p.trim() !== '');
  const digitParts = parts.map(digitsOf);
  const whole = digitsOf(text);
  // Split only when every piece is a number of its own; "001 234 567 890" stays one number.
  const pieces = whole !== null && !(parts.length > 1 && digitParts.every((d) => d !== null && isIdLength(d.length)))
    ? [whole]
    : digitParts;
  const out: string[] = [];
  for (const digits of pieces) {
    if (digits === null) {
      issues.push(issue(field, codeFor(field, 'invalid'), 'review', `Số giấy tờ có ký tự lạ: '${text}'`));
      continue;
    }
    const id = classify(digits, text, field, issues);
    if (id !== null) out.push(id);
  }
  return out;
}

const isIdLength = (n: number): boolean => n === 9 || n === 12;

/** The digits of one number, or null when letters or other marks are mixed in. */
function digitsOf(part: string): string | null {
  let s = part.trim();
  const float = FLOAT_TAIL.exec(s);
  if (float) s = float[1];
  s = s.replace(LABEL, '').replace(SEPARATORS, '');
  return /^\d+$/.test(s) ? s : null;
}

/** Decides what a digit string is; returns the 9- or 12-digit value to keep, or null. */
function classify(digits: string, text: string, field: IdField, issues: Issue[]): string | null {
  if (/^0+$/.test(digits)) {
    issues.push(issue(field, codeFor(field, 'placeholder'), 'warning', `Số giấy tờ toàn số 0, coi như không có: '${text}'`));
    return null;
  }
  if (isIdLength(digits.length)) return digits;
  if (digits.length === 10 || digits.length === 11) {
    // Typed as a number, 011068001234 becomes 11068001234 (and 001… loses two zeros); every prefix starts with 0.
    const padded = digits.padStart(12, '0');
    if (PREFIXES.has(padded.slice(0, 3))) {
      issues.push(issue(field, 'personal_id_leading_zero_lost', 'review',
        `Số định danh có ${digits.length} chữ số '${text}', có thể mất số 0 ở đầu khi nhập dạng số; đề xuất ${padded}, cần kiểm tra`));
      return padded;
    }
  }
  if (digits.length === 8) {
    const padded = '0' + digits;
    issues.push(issue(field, 'old_id_leading_zero_lost', 'review',
      `Số CMND có 8 chữ số '${text}', có thể mất số 0 ở đầu khi nhập dạng số; đề xuất ${padded}, cần kiểm tra`));
    return padded;
  }
  issues.push(issue(field, codeFor(field, 'length'), 'review',
    `Số giấy tờ có ${digits.length} chữ số (cần 12 chữ số định danh hoặc 9 chữ số CMND): '${text}'`));
  return null;
}

const codeFor = (field: IdField, what: string): string => `${field === 'old_id' ? 'old_id' : 'personal_id'}_${what}`;
const sexLabel = (sex: 'M' | 'F'): string => (sex === 'M' ? 'nam' : 'nữ');

function issue(field: string, code: string, severity: Severity, message: string): Issue {
  return { field, code, severity, message };
}
