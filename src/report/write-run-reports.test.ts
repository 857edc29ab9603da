import { describe, expect, it } from 'vitest';
import { reviewFieldsCsv, writtenValue } from './write-run-reports.js';

describe('writtenValue (review-fields.csv)', () => {
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

describe('reviewFieldsCsv', () => {
  it('writes one row per doubtful field with the OCR text, its confidence and the crop, reasons joined', () => {
    const csv = reviewFieldsCsv([{
      sourceRecordId: 41,
      source: {
        locator: { file: 'so-110234567.pdf', sheet: null, row: null, page: 3 },
        raw: { full_name: 'Lò Thị Xuân', birth_date: '12/03/1985' },
        confidence: { full_name: 0.62, birth_date: 0.97 },
        householdKey: 'book:110234567',
        scan: { full_name: { ocrText: 'Lò Thị Xuăn', crop: 'crops/so-110234567-ab12cd-p3-full_name.png' }, birth_date: { ocrText: '12/O3/1985', crop: null } },
      },
      issues: [
        { field: 'full_name', code: 'low_confidence', severity: 'review', message: 'Độ tin cậy thấp' },
        { field: 'full_name', code: 'name_invalid_syllable', severity: 'review', message: 'Âm tiết lạ' },
        { field: 'sex', code: 'sex_missing', severity: 'warning', message: 'Thiếu giới tính' },
      ],
    }]);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('ảnh cắt (crop)');
    expect(lines[1]).toBe('41,so-110234567.pdf,,,3,full_name,Lò Thị Xuân,Lò Thị Xuăn,0.62,crops/so-110234567-ab12cd-p3-full_name.png,"low_confidence; name_invalid_syllable","Độ tin cậy thấp; Âm tiết lạ",');
  });
});
