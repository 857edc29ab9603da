import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, excelSerialToDate, minimumAge } from './date-calendar.js';
import { normalizeDate, normalizeDateParts } from './date.js';

/** A local calendar day, as the nightly run sees it. */
const today = new Date(2025, 5, 1); // 2025-06-01

function codes(issues: { code: string }[]): string[] {
  return issues.map((i) => i.code).sort();
}

describe('normalizeDate', () => {
  // raw, value, issue codes
  const cases: [string, string | null, string[]][] = [
    ['12/03/1968', '1968-03-12', []],
    ['12/3/1968', '1968-03-12', []],
    ['2/9/1945', '1945-09-02', []],
    ['12-03-1968', '1968-03-12', []],
    ['12.03.1968', '1968-03-12', []],
    ['12 / 3 / 1968', '1968-03-12', []],
    ['29/02/2000', '2000-02-29', []],
    ['29/02/1996', '1996-02-29', []],
    ['1968', '1968', []],
    [' 1968 ', '1968', []],
    ['1968.0', '1968', []],
    ['năm 1968', '1968', []],
    ['Năm sinh: 1968', '1968', []],
    ['NS 1968', '1968', []],
    ['3/1968', '1968-03', []],
    ['03-1968', '1968-03', []],
    ['tháng 3 năm 1968', '1968-03', []],
    ['ngày 12 tháng 3 năm 1968', '1968-03-12', []],
    ['Ngày 05 tháng 11 năm 2003', '2003-11-05', []],
    ['Sinh ngày 12/3/1968', '1968-03-12', []],
    ['00/00/1968', '1968', []],
    ['00/03/1968', '1968-03', []],
    ['0/3/1968', '1968-03', []],
    ['15/00/1968', '1968', ['date_day_without_month']],
    ['1968-03-12', '1968-03-12', []],
    ['1968-3-2', '1968-03-02', []],
    ['1968/03/12', '1968-03-12', []],
    ['1968-03', '1968-03', []],
    ['1968-03-12T00:00:00.000Z', '1968-03-12', []],
    ['12/03/1968 00:00:00', '1968-03-12', []],
    ['19680312', '1968-03-12', []],
    ['12031968', '1968-03-12', []],
    ['25000', '1968-06-11', []], // Excel serial
    ['25000.0', '1968-06-11', []],
    ['36526', '2000-01-01', []],
    ['25000.75', '1968-06-11', []], // serial with a time of day
    ['12/03/1968 12:00 SA', '1968-03-12', []], // Vietnamese-locale AM
    ['10000', '1927-05-18', []],
    ['12/3/68', '1968-03-12', ['date_two_digit_year']],
    ['1/7/25', '1925-07-01', ['date_two_digit_year']], // 2025-07-01 would be in the future
    ['1/5/25', '2025-05-01', ['date_two_digit_year']],
    ['3-4-10', '2010-04-03', ['date_two_digit_year']],
    ['năm 68', '1968', ['date_two_digit_year']],
    ['12/3/1968 (âm lịch)', '1968-03-12', ['date_lunar']],
    ['12/3/1968 AL', '1968-03-12', ['date_lunar']],
    ['khoảng 1968', '1968', ['date_extra_text']],
    ['1968?', '1968', ['date_extra_text']],
    ['12/3/1968 (theo giấy khai sinh)', '1968-03-12', ['date_extra_text']],
    ['', null, []],
    ['không rõ', null, ['date_unknown']],
    ['-', null, ['date_unknown']],
    ['00/00/0000', null, ['date_unknown']],
    ['31/02/1968', null, ['date_impossible']],
    ['29/02/1900', null, ['date_impossible']],
    ['29/02/2023', null, ['date_impossible']],
    ['31/04/1970', null, ['date_impossible']],
    ['13/13/1990', null, ['date_impossible']],
    ['03/25/1968', null, ['date_impossible']],
    ['45/00/1968', null, ['date_impossible']],
    ['13/2000', null, ['date_impossible']],
    ['2/6/2025', null, ['date_future']],
    ['2026', null, ['date_future']],
    ['7/2025', null, ['date_future']],
    ['1/6/2025', '2025-06-01', []],
    ['6/2025', '2025-06', []],
    ['1890', null, ['date_too_old']],
    ['1/1/1903', null, ['date_too_old']],
    ['1/6/1905', '1905-06-01', []], // exactly 120 today
    ['1904', '1904', []], // 120 or 121: not surely over 120
    ['1903', null, ['date_too_old']],
    ['abc', null, ['date_unparseable']],
    ['12/3', null, ['date_unparseable']],
    ['3/68', null, ['date_unparseable']], // day/month or month/year: not guessed
    ['1968 - 1970', null, ['date_unparseable']],
    ['80001', null, ['date_unparseable']],
    ['9999999', null, ['date_unparseable']],
    ['45 tuổi', null, ['date_unparseable']],
    ['12/03/968', null, ['date_unparseable']],
  ];

  it.each(cases)('%j', (raw, value, expectedCodes) => {
    const result = normalizeDate(raw, { today });
    expect(codes(result.issues)).toEqual(expectedCodes);
    expect(result.value).toBe(value);
  });

  it('treats 4-digit numbers as years, never as serials', () => {
    expect(normalizeDate('1880', { today: new Date(1990, 0, 1) }).value).toBe('1880');
    expect(normalizeDate('2100', { today: new Date(2101, 0, 1) }).value).toBe('2100');
  });

  it('sends an impossible date to review (no value) and shows the raw value in Vietnamese', () => {
    const { value, issues: [issue] } = normalizeDate('31/02/1968', { today });
    expect(value).toBeNull();
    expect(issue).toMatchObject({ field: 'birth_date', severity: 'review' });
    expect(issue.message).toContain('31/02/1968');
    expect(issue.message).toContain('không tồn tại');
  });

  it('hints at a month/day swap only when the swap is a real date', () => {
    expect(normalizeDate('03/25/1968', { today }).issues[0].message).toContain('tháng trước ngày');
    expect(normalizeDate('31/02/1968', { today }).issues[0].message).not.toContain('tháng trước ngày');
  });

  it('keeps warnings at warning severity', () => {
    for (const raw of ['12/3/68', '12/3/1968 (âm lịch)', 'khoảng 1968', 'không rõ']) {
      for (const issue of normalizeDate(raw, { today }).issues) expect(issue.severity).toBe('warning');
    }
  });

  it('names another field when asked', () => {
    expect(normalizeDate('2030', { today, field: 'id_issue_date' }).issues[0].field).toBe('id_issue_date');
  });
});

describe('normalizeDateParts', () => {
  // day, month, year, value, issue codes
  const cases: [string, string, string, string | null, string[]][] = [
    ['12', '3', '1968', '1968-03-12', []],
    ['05', '11', '2003', '2003-11-05', []],
    ['', '3', '1968', '1968-03', []],
    ['00', '00', '1968', '1968', []],
    ['0', '3', '1968', '1968-03', []],
    ['', '', '1968', '1968', []],
    ['', '', '1968.0', '1968', []],
    ['12', '3', '68', '1968-03-12', ['date_two_digit_year']],
    ['Ngày 12', 'Tháng 3', 'Năm 1968', '1968-03-12', []],
    ['', '', '12/03/1968', '1968-03-12', []], // whole date typed in the year cell
    ['12/03/1968', '', '', '1968-03-12', []], // … or in the day cell
    ['', '', '', null, []],
    ['31', '2', '1968', null, ['date_impossible']],
    ['12', '13', '1990', null, ['date_impossible']],
    ['12', '3', '', null, ['date_unparseable']],
    ['12', '3', 'x', null, ['date_unparseable']],
    ['12', 'ba', '1968', null, ['date_unparseable']],
    ['12', '3', '2030', null, ['date_future']],
    ['12', '3', '1890', null, ['date_too_old']],
    ['12?', '3', '1968', '1968-03-12', ['date_extra_text']],
  ];
  it.each(cases)('%j/%j/%j', (day, month, year, value, expectedCodes) => {
    const result = normalizeDateParts(day, month, year, { today });
    expect(codes(result.issues)).toEqual(expectedCodes);
    expect(result.value).toBe(value);
  });

  it('shows all three raw parts in the message', () => {
    expect(normalizeDateParts('31', '2', '1968', { today }).issues[0].message).toContain('31/2/1968');
  });
});

describe('calendar arithmetic', () => {
  it('round-trips day counts across leap years and centuries', () => {
    for (const [y, m, d] of [
      [1900, 2, 28],
      [1900, 3, 1],
      [2000, 2, 29],
      [1968, 12, 31],
      [1970, 1, 1],
      [1899, 12, 30],
    ]) {
      expect(civilFromDays(daysFromCivil(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
  });

  it('converts Excel serials like Excel does', () => {
    expect(excelSerialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToDate(45658)).toEqual({ year: 2025, month: 1, day: 1 });
  });

  it('takes the least possible age when day or month is unknown', () => {
    const on = { year: 2025, month: 6, day: 1 };
    expect(minimumAge({ year: 1968, month: 3, day: 12 }, on)).toBe(57);
    expect(minimumAge({ year: 1968, month: 6, day: 2 }, on)).toBe(56);
    expect(minimumAge({ year: 1968, month: 6, day: 0 }, on)).toBe(56);
    expect(minimumAge({ year: 1968, month: 5, day: 0 }, on)).toBe(57);
    expect(minimumAge({ year: 1968, month: 0, day: 0 }, on)).toBe(56);
  });
});
