import type { RawField, SourceRecord } from '../ingest/source-record.js';
import { KNOWN_FAMILY_NAMES } from '../normalize/data/family-names.js';
import { MARKERS } from '../normalize/address/address-markers.js';
import type { Issue } from '../normalize/issue.js';
import type { NormalizedRecord } from '../normalize/normalize-record.js';
import { foldKey, isVietnameseSyllable } from '../normalize/vietnamese-text.js';
import { NATIONALITY_NAMES, RELIGION_NAMES } from './field-vocabularies.js';
import { isListedValue } from './vocabulary-snap.js';

/**
 * Field checks that send an OCR'd field to a reviewer even when tesseract was sure of it: a misread comes back
 * at 85–95 confidence, so a value that is not plausible for its field is doubtful whatever the confidence said.
 * Typed spreadsheets do not get these (a clerk's odd spelling is data; OCR's is a misread).
 */

type Raw = SourceRecord['raw'];

const RELIGIONS = new Set(RELIGION_NAMES.map(compact));
const NATIONALITIES = new Set(NATIONALITY_NAMES.map(compact));

/** Person-name fields and the label reviewers know them by. */
const NAME_FIELDS: readonly RawField[] = ['full_name', 'other_name', 'household_head'];
/** Free-text fields whose words should still be Vietnamese syllables (or numbers, or abbreviations). */
const TEXT_FIELDS: readonly RawField[] = ['birthplace', 'native_place', 'occupation', 'relation_to_head', 'ethnicity', 'religion', 'nationality'];
/** Date warnings that mean a misread on a scan: a printed book writes a four-digit year, and no stray marks. */
const DATE_WARNINGS_TO_REVIEW: Readonly<Record<string, string>> = {
  date_two_digit_year: 'năm sinh chỉ đọc được hai chữ số',
  date_extra_text: 'ngày sinh có ký tự thừa',
  date_day_without_month: 'ngày sinh thiếu tháng',
};
/** Minority names (Ê Đê, Gia Rai, Mông…) put a consonant before the onset: Kđăm, Ksor, Mlô, H'Hen. */
const MINORITY_CLUSTER_RE = /^[bdhkmnpst](?=[bdđhklmnrs])/u;
const LETTERS_RE = /\p{L}/u;
const NAME_ODD_CHAR_RE = /[^\p{L}\s'’-]/u;

/**
 * Review issues for the fields of an OCR'd record that fail a field check. Fields normalizeRecord already sent
 * to review (or rejected) are not checked again, so no issue is raised twice.
 *
 * @example
 * scanFieldIssues({ full_name: 'Nguyễn Thj Hường', religion: 'Phậtgiáo' }, normalized);
 * // [{ field: 'full_name', code: 'ocr_name_syllable_invalid', severity: 'review', message: "Họ tên có chữ không phải âm tiết tiếng Việt (Thj): 'Nguyễn Thj Hường'" },
 * //  { field: 'religion', code: 'ocr_religion_unknown', … }]
 */
export function scanFieldIssues(raw: Raw, normalized: NormalizedRecord): Issue[] {
  const doubtful = new Set(normalized.issues.filter((i) => i.severity !== 'warning').map((i) => i.field));
  const issues: Issue[] = [];
  const value = (field: RawField): string => (typeof raw?.[field] === 'string' ? raw[field]!.trim() : '');
  const check = (field: RawField, found: Issue | null): void => {
    if (found !== null && !doubtful.has(field) && value(field) !== '') {
      issues.push(found);
      doubtful.add(field);
    }
  };

  for (const field of NAME_FIELDS) check(field, nameIssue(field, value(field)));
  const family = normalized.values?.family_name;
  check('full_name', family && !KNOWN_FAMILY_NAMES.has(family)
    ? review('full_name', 'ocr_family_name_unknown', `Họ '${family}' không có trong danh sách họ thường gặp, có thể đọc sai dấu: '${value('full_name')}'`)
    : null);
  check('sex', normalized.issues.some((i) => i.code === 'sex_abbreviated')
    ? review('sex', 'ocr_sex_abbreviated', `Giới tính chỉ đọc được một chữ, có thể thiếu chữ: '${value('sex')}'`)
    : null);
  const values = normalized.values;
  check('religion', values?.religion == null || RELIGIONS.has(compact(values.religion)) ? null
    : review('religion', 'ocr_religion_unknown', `Tôn giáo không có trong danh mục: '${value('religion')}'`));
  check('nationality', values?.nationality == null || NATIONALITIES.has(compact(values.nationality)) ? null
    : review('nationality', 'ocr_nationality_unknown', `Quốc tịch không có trong danh mục: '${value('nationality')}'`));
  for (const field of ['birth_date', 'birth_year'] as const) {
    const warning = normalized.issues.find((i) => i.field === field && i.code in DATE_WARNINGS_TO_REVIEW);
    check(field, warning === undefined ? null
      : review(field, `ocr_${warning.code}`, `Ngày sinh đọc từ ảnh: ${DATE_WARNINGS_TO_REVIEW[warning.code]}: '${value(field)}'`));
  }
  const zero = normalized.issues.find((i) => i.code === 'personal_id_leading_zero_lost' && i.severity === 'warning');
  if (zero !== undefined) {
    const field = zero.field as RawField;
    // On paper a digit is not "lost to a number cell": a short number was misread, even if the padded one agrees.
    check(field, review(field, 'ocr_personal_id_digit_missing', `Số định danh đọc từ ảnh thiếu chữ số: '${value(field)}'`));
  }
  for (const field of TEXT_FIELDS) check(field, textIssue(field, value(field)));
  for (const field of ADDRESS_FIELDS) check(field, addressIssue(field, value(field)));
  return issues;
}

const ADDRESS_FIELDS: readonly RawField[] = ['address', 'hamlet', 'commune', 'district', 'province'];

/**
 * Signs no address is written with ("Thân !, xã Nà Tòng"): the unit may still be coded from the rest, but the
 * hamlet kept on the record would be a misreading. Numbers, commas, dots, slashes and dashes are normal.
 */
function addressIssue(field: RawField, text: string): Issue | null {
  if (text === '' || !/[^\p{L}\p{M}\p{N}\s,./\-()']/u.test(text)) return null;
  return review(field, 'ocr_address_odd_sign', `Địa chỉ có ký tự lạ, có thể đọc sai: '${text}'`);
}

/** Digits, odd signs, no diacritics at all, or a word that is no Vietnamese syllable: OCR misread a name. */
/**
 * True when a person's name read from a page passes the name checks: Vietnamese syllables, no digits or odd
 * marks, and a family name from the list.
 *
 * @example
 * isPlausibleName('Lò Thị Ín'); // true
 * isPlausibleName('1ò Thị Ín'); // false
 */
export function isPlausibleName(name: string): boolean {
  const family = name.trim().split(/\s+/)[0] ?? '';
  const cased = family.charAt(0).toLocaleUpperCase('vi') + family.slice(1).toLocaleLowerCase('vi');
  return nameIssue('full_name', name.trim()) === null && KNOWN_FAMILY_NAMES.has(cased);
}

/**
 * True when an entry of words read from a page passes its field's checks: a value of the field's list (sex,
 * ethnicity, religion, nationality, relation); for an occupation, a place or an address part, Vietnamese
 * syllables, numbers and abbreviations without odd signs; a hamlet also starts with a unit word (Bản, Thôn, Tổ…).
 * What tells two readings of one entry apart (reading-agreement.ts).
 *
 * @example
 * isPlausibleEntry('relation_to_head', 'Chủ hộ'); // true
 * isPlausibleEntry('relation_to_head', 'hộ');     // false
 * isPlausibleEntry('hamlet', 'Tổ 13');            // true
 * isPlausibleEntry('hamlet', '7ổ73');             // false
 */
export function isPlausibleEntry(field: RawField, text: string): boolean {
  const value = text.trim();
  if (value === '') return false;
  if (CLOSED_FIELDS.has(field)) return isListedValue(field, value);
  if (addressIssue(field, value) !== null || oddWords(value, true).length > 0) return false;
  return field !== 'hamlet' || HAMLET_UNIT_RE.test(foldKey(value));
}

const CLOSED_FIELDS: ReadonlySet<RawField> = new Set(['sex', 'ethnicity', 'religion', 'nationality', 'relation_to_head']);
/** The folded unit words a hamlet entry starts with: the address segmenter's hamlet markers (Bản, Thôn, Tổ dân phố…). */
const HAMLET_UNIT_RE = new RegExp(`^(?:${MARKERS.filter((m) => m.level === 'hamlet').map((m) => m.words.join(' ')).join('|')})\\b`);

function nameIssue(field: RawField, name: string): Issue | null {
  if (name === '') return null;
  if (/\p{N}/u.test(name)) return review(field, 'ocr_name_has_digits', `Họ tên có chữ số: '${name}'`);
  if (NAME_ODD_CHAR_RE.test(name)) return review(field, 'ocr_name_odd_punctuation', `Họ tên có ký tự lạ: '${name}'`);
  if (!/[^\x00-\x7f]/.test(name) && name.split(/\s+/).length > 1) {
    return review(field, 'ocr_name_without_diacritics', `Họ tên đọc được không có dấu, có thể mất dấu khi nhận dạng: '${name}'`);
  }
  const odd = oddWords(name, false);
  if (odd.length > 0) {
    return review(field, 'ocr_name_syllable_invalid', `Họ tên có chữ không phải âm tiết tiếng Việt (${odd.join(', ')}): '${name}'`);
  }
  return null;
}

function textIssue(field: RawField, text: string): Issue | null {
  if (text === '') return null;
  const odd = oddWords(text, true);
  return odd.length === 0 ? null
    : review(field, 'ocr_text_syllable_invalid', `Chữ không phải âm tiết tiếng Việt (${odd.join(', ')}): '${text}'`);
}

/** Words of letters that are not Vietnamese syllables (single letters pass; in free text, abbreviations too). */
function oddWords(text: string, abbreviations: boolean): string[] {
  const words = text.split(/[\s,;.()/]+/).flatMap((w) => w.split(/['’-]/)).filter((w) => LETTERS_RE.test(w));
  // TP, TX, UBND, THCS: short capitals without diacritics are abbreviations in places and occupations.
  return words.filter((w) => !isSyllableLike(w) && !(abbreviations && ABBREVIATION_RE.test(w)));
}

const ABBREVIATION_RE = /^[A-ZĐ]{2,5}$/;

function isSyllableLike(word: string): boolean {
  if ([...word].length === 1) return true;
  const lower = word.toLowerCase();
  if (isVietnameseSyllable(lower)) return true;
  if (MINORITY_CLUSTER_RE.test(lower) && isVietnameseSyllable(lower.slice(1))) return true;
  // Ê Đê and Gia Rai names write open iê/uô/ươ syllables (Niê, Buôn Ya, Mlô): valid once a coda is added.
  return /(?:iê|uô|ươ|yê)$/.test(lower) && isVietnameseSyllable(lower + 'n');
}

/** Folded, words kept apart: "Phậtgiáo" is not "Phật giáo". */
function compact(text: string): string {
  return foldKey(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

function review(field: RawField, code: string, message: string): Issue {
  return { field, code, severity: 'review', message };
}
