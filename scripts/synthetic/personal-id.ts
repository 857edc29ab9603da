/**
 * Building and checking 12-digit personal IDs (số định danh cá nhân) by the rule of Thông tư 07/2016/TT-BCA:
 * 3-digit province of birth registration, 1 digit for sex and century, 2 digits of birth year, 6 digits.
 *
 * @example
 * makePersonalId('011', 'M', 1968, '004213'); // '011068004213'
 * sexCenturyDigit('F', 2003); // 3
 */
import { ID_PROVINCE_PREFIXES } from './dien-bien-units.js';

const PREFIXES = new Set(ID_PROVINCE_PREFIXES.map((p) => p.prefix));

/** 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199… */
export function sexCenturyDigit(sex: 'M' | 'F', year: number): number {
  const century = Math.floor((year - 1900) / 100);
  return century * 2 + (sex === 'F' ? 1 : 0);
}

export function makePersonalId(prefix: string, sex: 'M' | 'F', year: number, serial: string): string {
  return `${prefix}${sexCenturyDigit(sex, year)}${String(year % 100).padStart(2, '0')}${serial}`;
}

/** Why an ID breaks the rule for this person, or null when it is consistent. */
export function personalIdProblem(id: string, sex: 'M' | 'F', year: number): string | null {
  if (!/^\d{12}$/.test(id)) return 'not_12_digits';
  if (!PREFIXES.has(id.slice(0, 3))) return 'unknown_province_prefix';
  const digit = Number(id[3]);
  if (digit % 2 !== (sex === 'F' ? 1 : 0)) return 'sex_mismatch';
  const century = Math.floor(digit / 2);
  if (1900 + century * 100 + Number(id.slice(4, 6)) !== year) return 'birth_year_mismatch';
  return null;
}
