import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-text.js';

describe('toCsv', () => {
  it('starts with a BOM and ends rows with CRLF', () => {
    expect(toCsv(['tệp', 'dòng'], [['ds.csv', 7]])).toBe('\uFEFFtệp,dòng\r\nds.csv,7\r\n');
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+84912', "'+84912"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-5', "'-5"],
    ['Lò Văn Pánh', 'Lò Văn Pánh'],
    ['Bản Na Ngám, xã Mường Phăng', '"Bản Na Ngám, xã Mường Phăng"'],
    ['nói "không"', '"nói ""không"""'],
    [null, ''],
  ])('cell %j → %j', (value, expected) => {
    expect(toCsv(['a'], [[value]]).split('\r\n')[1]).toBe(expected);
  });
});
