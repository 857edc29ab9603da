/**
 * Person names: stored as written (NFC, proper case, whitespace fixed), split into family / middle /
 * given, and compared through nameKey(). Spelling and tone placement are never changed in the value.
 */
import type { Issue, Normalized } from './issue.js';
import { COMPOUND_FAMILY_NAMES } from './name-compound-families.js';
import {
  NAME_DIGIT_RE,
  NAME_HAS_DIACRITIC_RE,
  NAME_JOINER_RE,
  NAME_JUNK_CHAR_RE,
  NAME_LOOSE_JOINER_RE,
} from './name-letters.js';
import { splitNameText, type NameText } from './name-text.js';
import { placeTone } from './syllable-structure.js';
import { foldKey, isVietnameseSyllable, properCase, toneKey } from './vietnamese-text.js';

/** A name as stored: `full` always; the parts null when unknown. */
export interface PersonName {
  full: string;
  family: string | null;
  middle: string | null;
  given: string | null;
}

/** Each compound twice: as listed (toneKey) and folded, for names typed without diacritics. */
const COMPOUND_KEYS = [...COMPOUND_FAMILY_NAMES, ...COMPOUND_FAMILY_NAMES.map((c) => c.map((s) => foldKey(s)))];
const COMPOUND_HEADS = new Set(COMPOUND_KEYS.map((c) => c[0]));
const ASCII_ONLY_RE = /^[\x00-\x7f]*$/;
const D_LOOK_ALIKE_RE = /[ðɖ]/g;
const APOSTROPHE_RE = /[’ʼ‘`]/g;
const HYPHEN_RE = /[‐‑]/g;

/**
 * Normalizes a "Họ và tên" cell.
 *
 * @example
 * normalizeName('LÒ VĂN PÁNH').value;
 * // { full: 'Lò Văn Pánh', family: 'Lò', middle: 'Văn', given: 'Pánh' }
 * normalizeName('Tôn Nữ Thị Hoà (đã chết)').issues[0].code; // 'name_note'
 */
export function normalizeName(raw: string): Normalized<PersonName> {
  const part = splitNameText(raw);
  const issues: Issue[] = [];
  addNoteIssue(issues, 'full_name', part, raw);
  return buildName(part.text, raw, 'full_name', issues);
}

/**
 * Normalizes a name given in two columns, "Họ và chữ đệm" and "Tên". The result is split by the same
 * rule as normalizeName (given = last syllable), so both layouts give the same parts for matching.
 *
 * @example
 * normalizeNameParts('NGUYỄN THỊ', 'HOÀ').value;
 * // { full: 'Nguyễn Thị Hoà', family: 'Nguyễn', middle: 'Thị', given: 'Hoà' }
 */
export function normalizeNameParts(familyMiddle: string, given: string): Normalized<PersonName> {
  const head = splitNameText(familyMiddle);
  const tail = splitNameText(given);
  const raw = [familyMiddle.trim(), given.trim()].filter((t) => t !== '').join(' | ');
  const issues: Issue[] = [];
  addNoteIssue(issues, 'family_middle', head, familyMiddle);
  addNoteIssue(issues, 'given_name', tail, given);
  if (head.text !== '' && tail.text === '') {
    issues.push({
      field: 'given_name',
      code: 'name_given_missing',
      severity: 'review',
      message: `Cột Tên để trống, tên lấy từ cột Họ và chữ đệm: "${familyMiddle.trim()}"`,
    });
  } else if (head.text === '' && tail.text.includes(' ')) {
    issues.push({
      field: 'family_middle',
      code: 'name_parts_merged',
      severity: 'warning',
      message: `Cột Họ và chữ đệm để trống, cả họ tên nằm ở cột Tên: "${given.trim()}"`,
    });
  }
  const full = [head.text, tail.text].filter((t) => t !== '').join(' ');
  return buildName(full, raw, 'full_name', issues);
}

/**
 * Comparison key for a full name: lower case, canonical tone placement, đ look-alikes (Ð, ð) → đ,
 * apostrophe and hyphen variants unified. Other diacritics are kept: a name typed without them
 * gets a different key (compare those with foldKey).
 *
 * @example
 * nameKey('NGUYỄN THỊ THUỶ') === nameKey('Nguyễn Thị Thủy'); // true
 * nameKey('Nguyen Van A') === nameKey('Nguyễn Văn A'); // false
 */
export function nameKey(full: string): string {
  return toneKey(full).replace(D_LOOK_ALIKE_RE, 'đ').replace(APOSTROPHE_RE, "'").replace(HYPHEN_RE, '-');
}

function buildName(text: string, raw: string, field: string, issues: Issue[]): Normalized<PersonName> {
  if (text === '') {
    issues.push({
      field,
      code: 'name_missing',
      severity: 'reject',
      message: raw.trim() === '' ? 'Thiếu họ tên' : `Thiếu họ tên (ô ghi: "${raw.trim()}")`,
    });
    return { value: null, issues };
  }
  const hasDigits = NAME_DIGIT_RE.test(text);
  if (hasDigits) {
    issues.push({ field, code: 'name_has_digits', severity: 'review', message: `Họ tên có chữ số: "${raw.trim()}"` });
  }
  const hasJunk = NAME_JUNK_CHAR_RE.test(text) || NAME_LOOSE_JOINER_RE.test(text);
  if (hasJunk) {
    issues.push({ field, code: 'name_invalid_chars', severity: 'review', message: `Họ tên có ký tự lạ: "${raw.trim()}"` });
  }
  const syllables = properCase(text).split(' ');
  const full = syllables.join(' ');
  if (syllables.length === 1) {
    issues.push({
      field,
      code: 'name_single_syllable',
      severity: 'review',
      message: `Họ tên chỉ có một chữ, không rõ họ: "${raw.trim()}"`,
    });
    return { value: { full, family: null, middle: null, given: full }, issues };
  }
  if (!hasDigits && !hasJunk) checkSpelling(full, syllables, raw, field, issues);
  const familyLength = compoundFamilyLength(syllables);
  const middle = syllables.slice(familyLength, -1);
  return {
    value: {
      full,
      family: syllables.slice(0, familyLength).join(' '),
      middle: middle.length > 0 ? middle.join(' ') : null,
      given: syllables[syllables.length - 1],
    },
    issues,
  };
}

/** Typed data only gets warnings here: the spelling is kept, a reviewer may look at it later. */
function checkSpelling(full: string, syllables: string[], raw: string, field: string, issues: Issue[]): void {
  if (!NAME_HAS_DIACRITIC_RE.test(full)) {
    issues.push({
      field,
      code: 'name_without_diacritics',
      severity: 'warning',
      message: `Họ tên viết không dấu: "${raw.trim()}"`,
    });
    return;
  }
  const odd = syllables.flatMap((s) => s.split(NAME_JOINER_RE)).filter((s) => s !== '' && !isVietnameseSyllable(s));
  if (odd.length > 0) {
    issues.push({
      field,
      code: 'name_unusual_syllable',
      severity: 'warning',
      message: `Họ tên có chữ không giống tiếng Việt (${odd.join(', ')}), kiểm tra chính tả hoặc mã chữ: "${raw.trim()}"`,
    });
  }
}

/** How many leading syllables form the family name: a listed compound when a given name follows, else 1. */
function compoundFamilyLength(syllables: string[]): number {
  if (syllables.length < 3) return 1;
  // Most names start with a syllable that heads no compound: decide that with one key.
  const head = compoundKey(syllables[0]);
  if (!COMPOUND_HEADS.has(head)) return 1;
  const keys = [head];
  for (const compound of COMPOUND_KEYS) {
    if (syllables.length <= compound.length || compound[0] !== head) continue;
    let i = 1;
    for (; i < compound.length; i++) {
      if (keys.length <= i) keys.push(compoundKey(syllables[i]));
      if (keys[i] !== compound[i]) break;
    }
    if (i === compound.length) return compound.length;
  }
  return 1;
}

/**
 * Key a syllable is compared with the compound list by: canonical tone placement, or the folded form
 * for a syllable typed without diacritics ("Ton That Thuyet" still has its compound recognised).
 */
function compoundKey(syllable: string): string {
  return ASCII_ONLY_RE.test(syllable) ? syllable.toLowerCase() : placeTone(syllable.toLowerCase());
}

function addNoteIssue(issues: Issue[], field: string, part: NameText, raw: string): void {
  if (part.notes.length === 0) return;
  issues.push({
    field,
    code: 'name_note',
    severity: 'review',
    message: `Ô họ tên có ghi chú "${part.notes.join('; ')}": "${raw.trim()}"`,
  });
}
