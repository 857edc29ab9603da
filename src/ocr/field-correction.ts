import type { RawField } from '../ingest/source-record.js';
import { cleanText, foldKey } from '../normalize/vietnamese-text.js';

/**
 * Field-aware repair of what OCR read in an entry, before the normalizers see it. Only what the field's kind
 * makes certain is changed: letters that look like digits inside a number, separators inside a date, the two
 * values of Giới tính. Names and places keep their letters; a wrong one is for the field checks to catch.
 */

const ID_FIELDS: ReadonlySet<RawField> = new Set(['personal_id', 'old_id', 'id_any']);
const DATE_FIELDS: ReadonlySet<RawField> = new Set(['birth_date', 'birth_year', 'birth_year_male', 'birth_year_female']);

/** Letters (and signs) OCR reads for digits, used only inside a group that already holds a digit. */
const DIGIT_LOOK_ALIKES: Readonly<Record<string, string>> = {
  O: '0', o: '0', Q: '0', D: '0', U: '0', 'Ø': '0', 'ø': '0', 'ồ': '0', 'ô': '0', 'ơ': '0', 'ó': '0', 'ò': '0',
  l: '1', I: '1', i: '1', J: '1', '|': '1', '!': '1', ']': '1', '[': '1', 'í': '1', 'ì': '1', 'ỉ': '1',
  Z: '2', z: '2', S: '5', s: '5', $: '5', G: '6', b: '6', B: '8', T: '7', g: '9', q: '9', A: '4',
};
const LOOK_ALIKE_CLASS = Object.keys(DIGIT_LOOK_ALIKES).map((c) => c.replace(/[\\\]\[^$|-]/g, '\\$&')).join('');
/** A run of digits and look-alikes holding at least one real digit. */
const NUMBER_GROUP_RE = new RegExp(`[0-9${LOOK_ALIKE_CLASS}]*[0-9][0-9${LOOK_ALIKE_CLASS}]*`, 'gu');
/** Dotted leaders and underscores, and a lone ellipsis. */
const LEADER_RUN_RE = /[.…_·•]{2,}|…|[-–—]{2,}|(?:_ ){1,}_/gu;
const EDGE_JUNK_RE = /^[^\p{L}\p{N}(]+|[^\p{L}\p{N})]+$/gu;
/** Separators inside a date: ". - ," and spaced slashes all become "/". */
const DATE_SEPARATOR_RE = /\s*[./\-,\\]\s*/g;

/**
 * Post-corrects one OCR'd entry for its field.
 *
 * @example
 * correctField('personal_id', '0l1 3O9 OO1 234'); // '011309001234'
 * correctField('birth_date', '12.O3.l985');      // '12/03/1985'
 * correctField('sex', 'Nừ');                      // 'Nữ'
 * correctField('full_name', '....Nguyễn  Thị Hường....'); // 'Nguyễn Thị Hường'
 */
export function correctField(field: RawField, text: string): string {
  const base = stripLeaders(text);
  if (base === '') return '';
  if (ID_FIELDS.has(field)) return correctNumber(base);
  if (DATE_FIELDS.has(field)) return correctDate(base);
  if (field === 'household_book_no') return correctBookNo(base);
  if (field === 'sex') return correctSex(base);
  if (LETTER_FIELDS.has(field)) return correctLetters(base);
  return base;
}

/** Fields written in words only: a digit in one of their words is a letter OCR misread. */
const LETTER_FIELDS: ReadonlySet<RawField> = new Set([
  'full_name', 'other_name', 'family_middle', 'given_name', 'household_head', 'ethnicity', 'religion', 'nationality',
  'relation_to_head', 'occupation', 'birthplace', 'native_place', 'commune', 'district', 'province',
]);

/** Digits tesseract reads for the capital that starts a word, in italic and handwritten entries ("7òng" for Tòng). */
const LEADING_DIGIT_AS_LETTER: Readonly<Record<string, string>> = { '7': 'T', '0': 'O', '5': 'S', '8': 'B', '6': 'G' };

/**
 * A word that starts with one of those digits and goes on in letters gets the capital back ("7hái" → "Thái",
 * "7Hái" → "THái" → proper case later); a wide capital read as two digits ("77hái") too. Other digits stay: the
 * name checks send them to a reviewer.
 */
function correctLetters(text: string): string {
  return text.replace(/(^|\s)([07586])\d?(?=\p{L})/gu, (_, space: string, digit: string) => space + LEADING_DIGIT_AS_LETTER[digit]);
}

/** Leaders become spaces, whitespace is collapsed, punctuation is trimmed from both ends. */
function stripLeaders(text: string): string {
  const words = cleanText(text.replace(LEADER_RUN_RE, ' ')).split(' ').filter((w) => !isLeaderJunk(w));
  return words.join(' ').replace(EDGE_JUNK_RE, '').trim();
}

/** A dotted leader read as letters: one letter repeated ("ồồồồồ", "ồ.ồồồồ‹"); no Vietnamese word triples a letter. */
function isLeaderJunk(word: string): boolean {
  if (/\p{N}/u.test(word)) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && new Set(letters).size === 1;
}

/** Digit groups with look-alikes fixed, and the spaces, dots and dashes OCR puts inside one number removed. */
function correctNumber(text: string): string {
  // An italic 1 read as a slash: an identity number has none ("04/286162" for 041286162).
  const fixed = fixDigitGroups(text).replace(/(?<=\d)\/(?=\d)/g, '1');
  // "040 185 123", "011.309.001.234": one number in groups. Words ("Không", "chưa cấp") are left alone.
  return /^[\d\s.\-–,]+$/.test(fixed) ? fixed.replace(/[\s.\-–,]/g, '') : fixed;
}

/** Book numbers may hold letters ("HK 04512", "12/HK"): only groups that are mostly digits are fixed. */
function correctBookNo(text: string): string {
  return text.replace(NUMBER_GROUP_RE, (group) => {
    const digits = group.replace(/\D/g, '').length;
    return digits * 2 > group.length ? fixGroup(group) : group;
  });
}

function fixDigitGroups(text: string): string {
  return text.replace(NUMBER_GROUP_RE, fixGroup);
}

function fixGroup(group: string): string {
  return [...group].map((c) => DIGIT_LOOK_ALIKES[c] ?? c).join('');
}

/**
 * A date's digit groups fixed and its separators unified to "/"; words ("ngày 12 tháng 3 năm 1985") are
 * kept for the date normalizer, which reads them.
 */
function correctDate(text: string): string {
  const fixed = fixDigitGroups(text);
  if (/\p{L}{2,}/u.test(fixed)) return fixed.replace(/\s+/g, ' ');
  // Only digits and separators left: "12 / 03 /1985", "12.03.1985", "12-3-85", "19 68".
  const groups = fixed.split(DATE_SEPARATOR_RE).filter((g) => g !== '');
  const sliced = fixed.includes('/') || /[.\-,\\]/.test(fixed);
  if (sliced) return groups.map((g) => g.replace(/\s+/g, '')).join('/');
  const spaced = fixed.split(/\s+/).filter((g) => g !== '');
  return joinSpacedDate(spaced);
}

/** Digit groups separated only by spaces: a date when their widths say so, one number split by OCR otherwise. */
function joinSpacedDate(groups: string[]): string {
  const widths = groups.map((g) => g.length).join(',');
  if (/^[12],[12],(?:4|2)$/.test(widths) || /^[12],4$/.test(widths)) return groups.join('/');
  const joined = groups.join('');
  if (/^\d{4}$/.test(joined) || /^\d{8}$/.test(joined)) return joined;
  return groups.join(' ');
}

const SEX_VALUES: ReadonlyMap<string, string> = new Map([
  ['nam', 'Nam'], ['narn', 'Nam'], ['nain', 'Nam'],
  ['nu', 'Nữ'], ['nuu', 'Nữ'],
]);

/** "Nừ", "Nu", "NỮ", "Na m" → Nữ / Nam; anything else is left for the sex normalizer to refuse. */
function correctSex(text: string): string {
  const compact = foldKey(text).replace(/[^a-z]/g, '');
  return SEX_VALUES.get(compact) ?? text;
}
