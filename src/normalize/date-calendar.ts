/**
 * Proleptic Gregorian calendar rules in integers: no Date objects, so no time zones, DST or
 * two-digit-year quirks of the JS Date parser.
 */

/** A calendar date in which 0 means "unknown" for day and month. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month (1–12) of a year.
 *
 * @example
 * daysInMonth(2000, 2); // 29
 * daysInMonth(1900, 2); // 28
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count since 1970-01-01 (inverse of daysFromCivil). */
export function civilFromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Excel's day 0 is 1899-12-30 for every serial after its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_DAYS = daysFromCivil(1899, 12, 30);

/**
 * The date of an Excel (1900 date system) serial number above 60.
 *
 * @example
 * excelSerialToDate(25000); // { year: 1968, month: 6, day: 13 }
 */
export function excelSerialToDate(serial: number): CalendarDate {
  return civilFromDays(EXCEL_EPOCH_DAYS + Math.floor(serial));
}

/**
 * Compares two dates field by field where both are known; a 0 (unknown) day or month compares as
 * equal, so the answer is "could be the same" rather than a guess.
 */
export function compareKnown(a: CalendarDate, b: CalendarDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === 0 || b.month === 0) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === 0 || b.day === 0) return 0;
  return a.day - b.day;
}

/**
 * The least age a person born on `birth` (day/month possibly unknown) can have on `on`.
 *
 * @example
 * minimumAge({ year: 1905, month: 0, day: 0 }, { year: 2025, month: 6, day: 1 }); // 119
 */
export function minimumAge(birth: CalendarDate, on: CalendarDate): number {
  const years = on.year - birth.year;
  // Unknown parts may fall after today's day of the year: assume the birthday has not come yet.
  const birthdayPassed =
    birth.month !== 0 &&
    (on.month > birth.month || (on.month === birth.month && birth.day !== 0 && on.day >= birth.day));
  return birthdayPassed ? years : years - 1;
}

/** ISO text with the precision that is known: '1968', '1968-03' or '1968-03-12'. */
export function formatPartialIso(d: CalendarDate): string {
  const y = String(d.year).padStart(4, '0');
  if (d.month === 0) return y;
  const m = String(d.month).padStart(2, '0');
  if (d.day === 0) return `${y}-${m}`;
  return `${y}-${m}-${String(d.day).padStart(2, '0')}`;
}
