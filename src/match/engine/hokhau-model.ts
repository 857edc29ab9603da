/**
 * The hộ khẩu model: comparisons, blocking rules and guards over PersonValues, and the model declared from them.
 * Thresholds here are starting values; pipelines set their own and training sets m/u and the prior.
 */
import type { PersonValues } from '../../normalize/person-values.js';
import { decodePersonalId } from '../../normalize/personal-id.js';
import { foldKey } from '../../normalize/vietnamese-text.js';
import { blockOn, type BlockingRule } from './blocking-rule.js';
import { parseIsoDate } from './comparisons/birth-date-comparison.js';
import { birthDateComparison } from './comparisons/birth-date-comparison.js';
import { idKey } from './comparisons/id-comparison.js';
import {
  addressComparison,
  ethnicityComparison,
  householdBookComparison,
  oldIdComparison,
  otherNameComparison,
  personalIdComparison,
  sexComparison,
} from './comparisons/person-comparisons.js';
import { nameFeatures, vnNameComparison } from './comparisons/vn-name-comparison.js';
import { label } from './comparison.js';
import type { Guard } from './guard.js';
import { declareModel, type MatchLibrary, type MatchModel } from './model.js';

/** Folded full name, its Hoàng/Huỳnh–Vũ/Võ class form, and each other name: any of them may meet the other record's. */
function nameKeys(p: PersonValues): string[] {
  const f = nameFeatures(p);
  if (!f) return [];
  const keys = [f.fold, [f.familyClass, f.middle, f.given].filter((s) => s !== '').join(' ')];
  if (!p.other_name) return keys;
  for (const other of p.other_name.split(/[,;/]/)) {
    const key = foldKey(other);
    if (key !== '') keys.push(key);
  }
  return keys;
}

const birthYear = (p: PersonValues) => parseIsoDate(p.birth_date)?.year.toString() ?? null;

/** Full date with day and month in sorted order, so a day/month swap lands in the same block. */
function swapTolerantDate(p: PersonValues): string | null {
  const d = parseIsoDate(p.birth_date);
  if (!d || d.day === 0) return null;
  return `${d.year}-${Math.min(d.day, d.month)}-${Math.max(d.day, d.month)}`;
}

const givenName = (p: PersonValues) => nameFeatures(p)?.given ?? null;

const BLOCKING_RULES: Record<string, () => BlockingRule<PersonValues>> = {
  personal_id: () => blockOn('personal_id', (p) => idKey(p.personal_id)),
  old_id: () => blockOn('old_id', (p) => idKey(p.old_id)),
  name_year: () => blockOn('name_year', nameKeys, birthYear),
  given_date: () => blockOn('given_date', givenName, swapTolerantDate),
  book_given: () => blockOn('book_given', (p) => idKey(p.household_book_no), givenName),
  // A typo in the given name: the same book and birth year still meet.
  book_year: () => blockOn('book_year', (p) => idKey(p.household_book_no), birthYear),
  family_given_year: () => blockOn('family_given_year', (p) => {
    const f = nameFeatures(p);
    return f ? `${f.familyClass} ${f.given}` : null;
  }, birthYear),
};

/**
 * Two birth dates no clerk's slip explains: full dates that differ other than by a day/month swap, or years two or
 * more apart (a father and a son of one name in one book; two namesakes of one year).
 *
 * @example
 * birthDatesContradict('1968-03-12', '1968-12-03'); // false (swap)
 * birthDatesContradict('1968-03-12', '1968-07-25'); // true
 * birthDatesContradict('1968', '1990-05-02'); // true
 */
export function birthDatesContradict(a: string | null, b: string | null): boolean {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  if (!x || !y) return false;
  if (Math.abs(x.year - y.year) >= 2) return true;
  if (x.day === 0 || y.day === 0 || x.text === y.text) return false;
  return !(x.year === y.year && x.day === y.month && x.month === y.day);
}

/** Same personal ID or same old ID: the person is the same whatever the dates say. */
function sharesId(a: PersonValues, b: PersonValues): boolean {
  const same = (x: string | null, y: string | null) => idKey(x) !== null && idKey(x) === idKey(y);
  return same(a.personal_id, b.personal_id) || same(a.old_id, b.old_id);
}

/** Guards: the registry must never merge these automatically. */
export const HOKHAU_GUARDS: Record<string, Guard<PersonValues>> = {
  different_personal_id: {
    name: 'different_personal_id',
    label: label('hai số định danh hợp lệ khác nhau', 'two different valid personal IDs'),
    contradicts: (a, b) =>
      a.personal_id !== null && b.personal_id !== null && a.personal_id !== b.personal_id && decodePersonalId(a.personal_id) !== null && decodePersonalId(b.personal_id) !== null,
  },
  contradicting_birth_dates: {
    name: 'contradicting_birth_dates',
    label: label('ngày sinh mâu thuẫn, không cùng số giấy tờ', 'birth dates contradict, no shared ID'),
    contradicts: (a, b) => birthDatesContradict(a.birth_date, b.birth_date) && !sharesId(a, b),
  },
  different_sex: {
    name: 'different_sex',
    label: label('khác giới tính', 'different sex'),
    contradicts: (a, b) => a.sex !== null && b.sex !== null && a.sex !== b.sex,
  },
};

/**
 * Names → code for the hộ khẩu model.
 *
 * @example
 * const resolved = resolveModel(parseModel(savedJson), HOKHAU_LIBRARY);
 */
export const HOKHAU_LIBRARY: MatchLibrary<PersonValues> = {
  comparisons: {
    name: () => vnNameComparison(),
    birth_date: () => birthDateComparison<PersonValues>((p) => p.birth_date),
    sex: () => sexComparison(),
    personal_id: () => personalIdComparison(),
    old_id: () => oldIdComparison(),
    household_book: () => householdBookComparison(),
    address: () => addressComparison(),
    ethnicity: () => ethnicityComparison(),
    other_name: () => otherNameComparison(),
  },
  blockingRules: Object.fromEntries(Object.entries(BLOCKING_RULES).map(([name, make]) => [name, () => make()])),
  guards: HOKHAU_GUARDS,
};

/**
 * The untrained hộ khẩu model (declared m/u, prior 1e-5, merge at weight 10 ≈ 99.9 %, review from 0).
 *
 * @example
 * const model = resolveModel(hokhauModel(), HOKHAU_LIBRARY);
 */
export function hokhauModel(): MatchModel {
  return declareModel(HOKHAU_LIBRARY, {
    name: 'hokhau',
    blockingRules: Object.keys(BLOCKING_RULES),
    comparisons: ['name', 'birth_date', 'sex', 'personal_id', 'old_id', 'household_book', 'address', 'ethnicity', 'other_name'],
    guards: ['different_personal_id', 'different_sex', 'contradicting_birth_dates'],
    prior: 1e-5,
    thresholds: { merge: 10, review: 0 },
    // A supporting pair at −4 is ≈ 6,000 times likelier for one person than for two drawn at random; among the
    // ~16 member pairs of two households that still leaves ≈ 2^8 for one family over two; 6 bits per member is below that.
    household: { supportWeight: -4, bitsPerMember: 6, maxMembers: 3, maxExpandedPairs: 400 },
  });
}
