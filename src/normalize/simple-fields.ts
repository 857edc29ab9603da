import type { Normalized } from './issue.js';
import { cleanText, foldKey, properCase } from './vietnamese-text.js';

/**
 * Free-text fields with a few known values: religion, nationality, occupation, places, other names and
 * the household book number. Known values get one spelling; anything else is kept as written, cleaned.
 */

/** Accent-, case- and punctuation-free key used to look up known values. */
const lookupKey = (text: string): string => foldKey(text).replace(/[^a-z0-9]+/g, ' ').trim();

/** Builds a key → canonical map from canonical → spellings. */
function table(entries: Record<string, readonly string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(entries)) {
    for (const s of [canonical, ...spellings]) map.set(lookupKey(s), canonical);
  }
  return map;
}

const RELIGIONS = table({
  'Không': ['ko', 'k', 'không có', 'không tôn giáo', 'ktg', 'không theo tôn giáo', 'không theo đạo', 'không đạo', 'vô thần', 'none'],
  'Phật giáo': ['phật', 'đạo phật', 'đạo phật giáo', 'pg', 'thờ phật'],
  'Công giáo': ['thiên chúa', 'thiên chúa giáo', 'đạo thiên chúa', 'đạo công giáo', 'cg', 'catholic', 'công giáo la mã'],
  'Tin lành': ['đạo tin lành', 'tin lành việt nam', 'tl', 'protestant'],
  'Cao Đài': ['đạo cao đài'],
  'Phật giáo Hòa Hảo': ['hòa hảo', 'đạo hòa hảo', 'pghh'],
  'Hồi giáo': ['đạo hồi', 'islam'],
  'Bà-la-môn': ['bà la môn', 'đạo bà la môn'],
});

const NATIONALITIES = table({
  'Việt Nam': ['vn', 'vnm', 'viet nam', 'vietnam', 'việt', 'vietnamese', 'cộng hòa xã hội chủ nghĩa việt nam',
    'chxhcn việt nam', 'chxhcnvn', 'nước chxhcn việt nam', 'việt nam vnm'],
  'Lào': ['laos', 'chdcnd lào', 'cộng hòa dân chủ nhân dân lào'],
  'Trung Quốc': ['tq', 'china'],
  'Campuchia': ['cam pu chia', 'cambodia'],
  'Không quốc tịch': ['kqt'],
});

/** Whole-cell abbreviations clerks use for occupations. */
const OCCUPATIONS = table({
  'Học sinh': ['hs'],
  'Sinh viên': ['sv'],
  'Cán bộ': ['cb'],
  'Cán bộ công chức': ['cbcc'],
  'Công nhân viên': ['cnv'],
  'Giáo viên': ['gv'],
  'Làm ruộng': ['lr'],
  'Nông dân': ['nd'],
  'Tự do': ['td'],
  'Lao động tự do': ['lđtd'],
  'Nội trợ': ['nt'],
  'Hưu trí': ['ht', 'về hưu', 'nghỉ hưu'],
});

/** Cells that mean "nothing here" in a free-text column. */
const EMPTY = new Set(['', 'x', 'xx', 'n a', 'null', 'khong co', 'khong', 'ko', 'k']);
const PUNCT_ONLY = /^[-–—_./\\?*x\s]*$/i;

/**
 * Sentence case: first letter upper; all-caps text is lowered first ("LÀM RUỘNG" → "Làm ruộng").
 *
 * @example
 * sentenceCase('con dâu') // 'Con dâu'
 */
export function sentenceCase(text: string): string {
  const base = /\p{Lu}/u.test(text) && text === text.toUpperCase() ? text.toLowerCase() : text;
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/** Cleaned text, or null when the cell is empty or a dash. */
function clean(raw: string): string | null {
  const text = cleanText(String(raw ?? ''));
  return PUNCT_ONLY.test(text) ? null : text;
}

/**
 * Religion: known ones in one spelling ('Không', 'Phật giáo', 'Công giáo', 'Tin lành'…), others as written.
 *
 * @example
 * normalizeReligion('THIÊN CHÚA GIÁO').value // 'Công giáo'
 */
export function normalizeReligion(raw: string): Normalized<string> {
  const text = clean(raw);
  if (text === null) return { value: null, issues: [] };
  return { value: RELIGIONS.get(lookupKey(text)) ?? sentenceCase(text), issues: [] };
}

/**
 * Nationality: 'VN', 'Viet Nam', 'CHXHCN Việt Nam' → 'Việt Nam'; others proper case. Empty → null
 * (the record-level step applies the default).
 *
 * @example
 * normalizeNationality('Viet Nam').value // 'Việt Nam'
 */
export function normalizeNationality(raw: string): Normalized<string> {
  const text = clean(raw);
  if (text === null) return { value: null, issues: [] };
  return { value: NATIONALITIES.get(lookupKey(text)) ?? properCase(text), issues: [] };
}

/**
 * Occupation: abbreviations expanded (HS → Học sinh), otherwise sentence case. "Không" (no job) is kept.
 *
 * @example
 * normalizeOccupation('LÀM RUỘNG').value // 'Làm ruộng'
 */
export function normalizeOccupation(raw: string): Normalized<string> {
  const text = clean(raw);
  if (text === null) return { value: null, issues: [] };
  return { value: OCCUPATIONS.get(lookupKey(text)) ?? sentenceCase(text), issues: [] };
}

/**
 * A place written as text (birthplace, native place, address, hamlet): cleaned; text typed all in
 * capitals or all in lower case is put in proper case, mixed case is kept as the clerk wrote it.
 *
 * @example
 * normalizePlace('XÃ MƯỜNG PHĂNG, HUYỆN ĐIỆN BIÊN').value // 'Xã Mường Phăng, Huyện Điện Biên'
 */
export function normalizePlace(raw: string): Normalized<string> {
  const text = clean(raw);
  if (text === null) return { value: null, issues: [] };
  const oneCase = text === text.toUpperCase() || text === text.toLowerCase();
  return { value: oneCase ? properCase(text) : text, issues: [] };
}

/**
 * Another name (tên gọi khác): proper case; "Không", "-" and the like mean none.
 *
 * @example
 * normalizeOtherName('ông pánh').value // 'Ông Pánh'
 */
export function normalizeOtherName(raw: string): Normalized<string> {
  const text = clean(raw);
  if (text === null || EMPTY.has(lookupKey(text))) return { value: null, issues: [] };
  return { value: properCase(text), issues: [] };
}

/**
 * Household book number: cleaned, spaces removed, a leading "Số:" label and a float tail (".0") dropped.
 *
 * @example
 * normalizeHouseholdBookNo('Số: 110 234 567').value // '110234567'
 */
export function normalizeHouseholdBookNo(raw: string): Normalized<string> {
  const text = clean(raw);
  if (text === null) return { value: null, issues: [] };
  const value = text
    .replace(/^(?:s[ốo](?:\s*s[ổo])?(?:\s*(?:hk|hộ khẩu|ho khau))?)\s*[:.]?\s*/iu, '')
    .replace(/^(\d+)\.0+$/, '$1')
    .replace(/\s+/g, '');
  return { value: value === '' ? null : value, issues: [] };
}
