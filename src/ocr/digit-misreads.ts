import { PROVINCE_ID_PREFIXES } from '../normalize/data/province-id-prefixes.js';
import { decodePersonalId, type DecodedPersonalId } from '../normalize/personal-id.js';

/**
 * Digits OCR reads wrongly in a way the digits themselves give away: a "1" drawn with a flag is read as "7"
 * (year 7963, month 70, ID prefix 071), a "0" as "9" (day 94), a "1" lost or read as "/" (year 984, ID
 * "0/1185524483"). A reading
 * that is impossible as it stands is tried with those digits put back, fewest changes first; the birth date
 * and the personal ID check each other (the ID's digits 4–6 hold the sex and the birth year). Only the
 * structured part of an ID (province, sex, year) is repaired: its last six digits are random, nothing can
 * tell a misread one there.
 */

export interface DigitGuess {
  birthDate: string | null;
  personalId: string | null;
  /** The sex the repaired ID says, when the page's own sex entry could not be read. */
  sex: 'M' | 'F' | null;
}

interface DateReading {
  text: string;
  year: number | null;
  changes: number;
}

interface IdReading {
  id: string;
  decoded: DecodedPersonalId;
  changes: number;
}

const NO_GUESS: DigitGuess = { birthDate: null, personalId: null, sex: null };
const EARLIEST_BIRTH_YEAR = 1880;

/**
 * @example
 * guessDigitMisreads({ birthDate: '27/04/7963', personalId: '071063841712', sex: 'M' }, new Date('2026-11-28'));
 * // { birthDate: '27/04/1963', personalId: '011063841712', sex: null }
 * guessDigitMisreads({ birthDate: '7967', personalId: null, sex: null }, today); // { birthDate: '1967', … }
 */
export function guessDigitMisreads(
  read: { birthDate: string | null; personalId: string | null; sex: 'M' | 'F' | null },
  today: Date,
  localProvinceCode: string | null = null,
): DigitGuess {
  const repairs = read.birthDate ? dateReadings(read.birthDate, today) : [];
  // A date that cannot be read as digits (or none) says nothing about the ID's year.
  const dates = repairs.length > 0 ? repairs : [{ text: '', year: null, changes: 0 }];
  const ids = read.personalId ? idReadings(read.personalId) : [];

  // Date and ID together: the pairs that agree on the year (and on the sex, when the page gives it).
  // A book's people are mostly registered in its own province: a far prefix that a misread digit would make
  // local ("077", Bà Rịa – Vũng Tàu, for "011", Điện Biên) is more likely the local one, so a repair to the
  // local prefix wins over a reading that merely agrees.
  const local = localPrefixes(localProvinceCode);
  const localRepairs = ids.some((id) => local.has(id.decoded.prefix) && id.changes > 0) && !ids.some((id) => local.has(id.decoded.prefix) && id.changes === 0);
  let best: { date: DateReading; id: IdReading }[] = [];
  let bestCost = Infinity;
  for (const date of dates) {
    for (const id of ids) {
      if (date.year !== null && date.year !== id.decoded.birthYear) continue;
      if (read.sex !== null && read.sex !== id.decoded.sex) continue;
      if (localRepairs && !local.has(id.decoded.prefix)) continue;
      const cost = date.changes + id.changes;
      if (cost < bestCost) [best, bestCost] = [[{ date, id }], cost];
      else if (cost === bestCost) best.push({ date, id });
    }
  }
  if (best.length === 1) {
    const { date, id } = best[0];
    return {
      birthDate: date.changes > 0 ? date.text : null,
      personalId: id.changes > 0 ? id.id : null,
      sex: read.sex === null && date.year !== null ? id.decoded.sex : null,
    };
  }
  if (best.length > 1) return NO_GUESS;
  // The date and the ID disagree whatever is repaired (one of them is misread elsewhere): an ID whose prefix
  // is impossible as read still gets its one clear repair.
  const prefixRepairs = ids.filter((id) => (read.sex === null || read.sex === id.decoded.sex) && (localRepairs ? local.has(id.decoded.prefix) : true));
  const fewestIds = prefixRepairs.filter((id) => id.changes === Math.min(...prefixRepairs.map((r) => r.changes)));
  const idAlone = ids.length > 0 && !ids.some((id) => id.changes === 0) && fewestIds.length === 1 ? fewestIds[0].id : null;
  // No ID to check against: a date is repaired alone when one repair is clearly the fewest changes.
  const fewest = repairs.filter((d) => d.changes === repairs[0].changes);
  const dateAlone = fewest.length === 1 && fewest[0].changes > 0 ? fewest[0].text : null;
  return { birthDate: dateAlone, personalId: idAlone, sex: null };
}

/**
 * True when a date entry, as read, is a possible birth date ("dd/mm/yyyy", "mm/yyyy" or "yyyy", not after
 * `today`, not before 1880).
 *
 * @example
 * isPossibleBirthDate('11/04/2021', new Date('2026-11-28')); // true
 * isPossibleBirthDate('77/04/2027', new Date('2026-11-28')); // false
 */
export function isPossibleBirthDate(text: string, today: Date): boolean {
  const readings = dateReadings(text, today);
  return readings.length > 0 && readings[0].changes === 0;
}

/**
 * What a date entry could say: itself when it is a possible birth date, else every possible repair, fewest
 * changes first; none when nothing repairs it.
 */
function dateReadings(text: string, today: Date): DateReading[] {
  const m = /^(?:(\d{1,2})\/)?(?:(\d{1,2})\/)?(\d{3,4})$/.exec(text.trim());
  if (m === null) return [];
  const [day, month] = m[2] === undefined ? [undefined, m[1]] : [m[1], m[2]];
  const groups = [day, month, m[3]];
  const out: DateReading[] = [];
  for (const variant of variantsOf(groups.join('|'))) {
    const [d, mo, y0] = variant.text.split('|');
    let changes = variant.changes;
    let y = y0;
    if (y.length === 3) {
      // The year's first "1" (or "2") was lost: "28/06/984".
      if (!/^[89]|^0/.test(y)) continue;
      y = (y.startsWith('0') ? '2' : '1') + y;
      changes += 1;
    }
    const year = Number(y);
    if (!possibleDate(d === '' ? null : Number(d), mo === '' ? null : Number(mo), year, today)) continue;
    out.push({ text: [d, mo, y].filter((g) => g !== '').join('/'), year, changes });
  }
  out.sort((a, b) => a.changes - b.changes);
  // Possible as read: kept as read (an ID that disagrees may be the misread one).
  return out.length > 0 && out[0].changes === 0 ? [out[0]] : out;
}

function possibleDate(day: number | null, month: number | null, year: number, today: Date): boolean {
  if (year < EARLIEST_BIRTH_YEAR || year > today.getFullYear()) return false;
  if (month === null) return day === null;
  if (month < 1 || month > 12) return false;
  if (day === null) return year < today.getFullYear() || month <= today.getMonth() + 1;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return Date.UTC(year, month - 1, day) <= today.getTime();
}

/** The ID prefixes of a province (a code before or after 2025: one today may hold several old ones). */
function localPrefixes(provinceCode: string | null): Set<string> {
  if (provinceCode === null) return new Set();
  return new Set(PROVINCE_ID_PREFIXES.filter((p) => p.gsoCodePre2025 === provinceCode || p.provinceCodePost2025 === provinceCode).map((p) => p.prefix));
}

/** A 12-digit ID as read and its repairs of digits 1–6, with a province prefix the list knows. */
function idReadings(text: string): IdReading[] {
  const compact = text.replace(/\s+/g, '');
  const slashes = (compact.match(/\//g) ?? []).length;
  const digits = compact.replace(/\//g, '1');
  if (!/^\d{12}$/.test(digits)) return [];
  const out: IdReading[] = [];
  for (const variant of variantsOf(digits.slice(0, 6))) {
    const id = variant.text + digits.slice(6);
    const decoded = decodePersonalId(id);
    if (decoded?.province) out.push({ id, decoded, changes: variant.changes + slashes });
  }
  return out;
}

/** Digits read for another: a flagged 1 read as 7, a 0 with a stroke or a dot read as 9. */
const MISREAD_DIGITS: Readonly<Record<string, string>> = { '7': '1', '9': '0' };

/** The text with every subset of its misread-prone digits put back, and how many were changed. */
function variantsOf(text: string): { text: string; changes: number }[] {
  const prone: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] in MISREAD_DIGITS) prone.push(i);
  if (prone.length > 10) return [{ text, changes: 0 }];
  const out: { text: string; changes: number }[] = [];
  for (let mask = 0; mask < 1 << prone.length; mask++) {
    const chars = [...text];
    let changes = 0;
    prone.forEach((at, bit) => {
      if (mask & (1 << bit)) {
        chars[at] = MISREAD_DIGITS[chars[at]];
        changes++;
      }
    });
    out.push({ text: chars.join(''), changes });
  }
  return out;
}
