import { describe, it, expect } from 'vitest';
import type { CellValue } from 'exceljs';
import { VIETNAMESE_LETTERS } from './legacy-encoding-tables.js';
import {
  cellValueText,
  decodeFontText,
  fontEncoding,
  formatExcelDate,
  formatExcelNumber,
  formatExcelSerial,
  isDateFormat,
} from './xlsx-cell-text.js';

const TCVN3 = new Map(VIETNAMESE_LETTERS.map((l) => [l.unicode, l.tcvn3]));
const VNI = new Map(VIETNAMESE_LETTERS.map((l) => [l.unicode, l.vni]));
/** Spells a Unicode name the way a cell typed with the ABC (TCVN3) driver reads back. */
const tcvn3 = (s: string) => [...s].map((ch) => TCVN3.get(ch) ?? ch).join('');
/** Spells a Unicode name the way a cell typed with the VNI driver reads back. */
const vni = (s: string) => [...s].map((ch) => VNI.get(ch) ?? ch).join('');

describe('fontEncoding', () => {
  const cases: Array<[string | undefined, ReturnType<typeof fontEncoding>]> = [
    ['.VnTime', { encoding: 'tcvn3', capitals: false }],
    ['.VnTimeH', { encoding: 'tcvn3', capitals: true }],
    ['.VnArial', { encoding: 'tcvn3', capitals: false }],
    ['.VnArialH', { encoding: 'tcvn3', capitals: true }],
    ['.VnArial NarrowH', { encoding: 'tcvn3', capitals: true }],
    ['.vntime', { encoding: 'tcvn3', capitals: false }],
    ['VnTime', { encoding: 'tcvn3', capitals: false }],
    ['VNI-Times', { encoding: 'vni', capitals: false }],
    ['VNI-Helve', { encoding: 'vni', capitals: false }],
    ['VNI-Times ', { encoding: 'vni', capitals: false }],
    ['Times New Roman', null],
    ['Arial', null],
    ['Calibri', null],
    [undefined, null],
  ];
  it.each(cases)('%s', (font, expected) => {
    expect(fontEncoding(font)).toEqual(expected);
  });
});

describe('decodeFontText', () => {
  const names = ['Nguyễn Văn Mường', 'Lò Thị Ưng', 'Quàng Văn Pánh', 'Đinh Thị Thuỷ', 'Thào A Dình', 'Bản Na Ngám'];
  it.each(names)('.VnTime: %s', (name) => {
    expect(decodeFontText(tcvn3(name), '.VnTime')).toBe(name);
  });
  it.each(names)('.VnTimeH (typed in lower case, shown in capitals): %s', (name) => {
    expect(decodeFontText(tcvn3(name.toLowerCase()), '.VnTimeH')).toBe(name.toUpperCase());
  });
  it.each(names)('VNI-Times: %s', (name) => {
    expect(decodeFontText(vni(name), 'VNI-Times')).toBe(name);
  });
  it('a Unicode font with legacy text falls back to the detector', () => {
    expect(decodeFontText(tcvn3('Nguyễn Văn Mường'), 'Times New Roman')).toBe('Nguyễn Văn Mường');
    expect(decodeFontText(vni('Quàng Thị Ưng'), undefined)).toBe('Quàng Thị Ưng');
  });
  it('Unicode text left in a .VnTime cell (converted, font forgotten) is not converted again', () => {
    expect(decodeFontText('Nguyễn Văn Mường', '.VnTime')).toBe('Nguyễn Văn Mường');
  });
  it('returns NFC for decomposed Unicode', () => {
    const nfd = 'Nguyễn Thị Thuỷ'.normalize('NFD');
    expect(decodeFontText(nfd, 'Arial')).toBe('Nguyễn Thị Thuỷ');
  });
  it('ASCII text in an H font comes out in capitals', () => {
    expect(decodeFontText('thon 3', '.VnTimeH')).toBe('THON 3');
  });
});

describe('formatExcelNumber', () => {
  const cases: Array<[number, string | undefined, string]> = [
    [1, undefined, '1'],
    [1.0, 'General', '1'],
    [1968, undefined, '1968'],
    [1.5, undefined, '1.5'],
    [0.1 + 0.2, undefined, '0.3'],
    [-0, undefined, '0'],
    [123456789012, undefined, '123456789012'],
    [11096000123, undefined, '11096000123'], // 11-digit: its leading zero was lost when typed as a number
    [11096000123, '000000000000', '011096000123'],
    [1234567890, '000000000000', '001234567890'],
    [12345678901, '"0"###########', '012345678901'],
    [12345678901, '\\0#', '012345678901'],
    [123456789, '000000000', '123456789'],
    [5, '00', '05'],
    [123456789012, '000 000 000 000', '123 456 789 012'],
    [0, '000', '000'],
    [12, '0.00', '12'], // decimals: leave the raw value, Excel's display rounding is not data
    [123456789012, '@', '123456789012'],
    [Number.NaN, undefined, ''],
  ];
  it.each(cases)('%d in %s → %s', (value, fmt, expected) => {
    expect(formatExcelNumber(value, fmt)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    [Date.UTC(1968, 2, 12), '12/03/1968'],
    [Date.UTC(2001, 11, 31, 23, 59), '31/12/2001'],
    [Date.UTC(1900, 2, 1), '01/03/1900'],
    [Date.UTC(1900, 1, 27), '28/02/1900'], // exceljs places serial 59 one day early (Excel's 29/02/1900)
  ])('formatExcelDate(%d) → %s', (ms, expected) => {
    expect(formatExcelDate(new Date(ms))).toBe(expected);
  });
  it.each([
    [25000, false, '11/06/1968'],
    [25000.75, false, '11/06/1968'],
    [1, false, '01/01/1900'],
    [61, false, '01/03/1900'],
    [45658, false, '01/01/2025'],
    [23538, true, '11/06/1968'],
  ])('formatExcelSerial(%d, 1904=%s) → %s', (serial, date1904, expected) => {
    expect(formatExcelSerial(serial, date1904)).toBe(expected);
  });
  it.each([
    ['dd/mm/yyyy', true],
    ['d/m/yy', true],
    ['[$-42A]dd/mm/yyyy', true],
    ['dd" tháng "mm" năm "yyyy', true],
    ['General', false],
    ['0', false],
    ['000000000000', false],
    ['0" tuổi"', false],
    ['#,##0 "đ"', false],
    [undefined, false],
  ])('isDateFormat(%s) = %s', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe('cellValueText', () => {
  const ctx = { date1904: false };
  const cases: Array<[string, CellValue, { numFmt?: string; fontName?: string }, string]> = [
    ['trimmed string', '  Lò Văn Pánh \n', {}, 'Lò Văn Pánh'],
    ['leading-zero text', '001234567890', {}, '001234567890'],
    ['date', new Date(Date.UTC(1968, 2, 12)), {}, '12/03/1968'],
    ['number in a date format', 25000, { numFmt: 'dd/mm/yyyy' }, '11/06/1968'],
    ['serial without a date format stays a number', 25000, {}, '25000'],
    ['boolean', true, {}, 'TRUE'],
    ['error', { error: '#N/A' }, {}, ''],
    ['formula number', { formula: 'A1', result: 123456789012 }, {}, '123456789012'],
    ['formula string', { formula: 'B1&" "&C1', result: ' Lò Văn ' }, {}, 'Lò Văn'],
    ['formula date', { formula: 'DATE(1968,3,12)', result: new Date(Date.UTC(1968, 2, 12)) }, {}, '12/03/1968'],
    ['formula serial in date format', { formula: 'A1+1', result: 25001 }, { numFmt: 'dd/mm/yyyy' }, '12/06/1968'],
    ['formula error', { formula: '1/0', result: { error: '#DIV/0!' } }, {}, ''],
    ['formula without cached result', { formula: 'A1' }, {}, ''],
    ['shared formula', { sharedFormula: 'A1', result: 7 } as CellValue, {}, '7'],
    ['hyperlink', { text: 'Bản Na Ngám', hyperlink: 'http://example.vn' }, {}, 'Bản Na Ngám'],
    [
      'hyperlink with rich text',
      { text: { richText: [{ text: 'Bản ' }, { text: 'Na Ngám' }] }, hyperlink: 'x' } as unknown as CellValue,
      {},
      'Bản Na Ngám',
    ],
    ['rich text', { richText: [{ text: 'Lò ' }, { text: 'Văn Pánh' }] }, {}, 'Lò Văn Pánh'],
    [
      'rich text runs with their own legacy fonts',
      {
        richText: [
          { text: tcvn3('nguyễn '), font: { name: '.VnTimeH' } },
          { text: tcvn3('Văn '), font: { name: '.VnTime' } },
          { text: vni('Mường'), font: { name: 'VNI-Times' } },
        ],
      },
      {},
      'NGUYỄN Văn Mường',
    ],
    [
      'rich text run without a font uses the cell font',
      { richText: [{ text: tcvn3('Lò Văn ') }, { text: 'A', font: { name: '.VnTime' } }] },
      { fontName: '.VnTime' },
      'Lò Văn A',
    ],
    ['.VnTime string', tcvn3('Đinh Thị Thuỷ'), { fontName: '.VnTime' }, 'Đinh Thị Thuỷ'],
    ['.VnTimeH string', tcvn3('đinh thị thuỷ'), { fontName: '.VnTimeH' }, 'ĐINH THỊ THUỶ'],
    ['VNI string', vni('Đinh Thị Thuỷ'), { fontName: 'VNI-Times' }, 'Đinh Thị Thuỷ'],
    ['TCVN3 ư at the end is not trimmed away', tcvn3('Thư'), { fontName: '.VnTime' }, 'Thư'],
  ];
  it.each(cases)('%s', (_label, value, style, expected) => {
    expect(cellValueText(value, style, ctx)).toBe(expected);
  });

  it('memoises decoded legacy text per font', () => {
    const cache = new Map<string, string>();
    const withCache = { date1904: false, cache };
    expect(cellValueText(tcvn3('Mường Phăng'), { fontName: '.VnTime' }, withCache)).toBe('Mường Phăng');
    expect(cellValueText(tcvn3('mường phăng'), { fontName: '.VnTimeH' }, withCache)).toBe('MƯỜNG PHĂNG');
    expect(cache.size).toBe(2);
  });
});
