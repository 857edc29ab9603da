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

describe('writtenValue (review-fields.csv)', async () => {
  const { writtenValue } = await import('./write-run-reports.js');
  it.each([
    [{ personal_id: '011068001234' }, 'personal_id', '011068001234'],
    [{ id_any: '011068001234' }, 'personal_id', '011068001234'],
    [{ family_middle: 'Lò Văn', given_name: 'Pánh' }, 'full_name', 'Lò Văn Pánh'],
    [{ birth_day: '31', birth_month: '2', birth_year: '1968' }, 'birth_date', '31/2/1968'],
    [{ birth_year_female: '1972' }, 'birth_date', '1972'],
    [{ hamlet: 'Bản Na Ngam', commune: 'Mường Phăng' }, 'address', 'Bản Na Ngam, Mường Phăng'],
    [{ ethnicity: 'Tày Pọng' }, 'ethnicity', 'Tày Pọng'],
    [{}, 'sex', ''],
  ])('%j %s → %s', (raw, field, expected) => {
    expect(writtenValue(raw, field)).toBe(expected);
  });
});
