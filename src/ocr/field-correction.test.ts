import { describe, expect, it } from 'vitest';
import type { RawField } from '../ingest/source-record.js';
import { correctField } from './field-correction.js';

const CASES: [RawField, string, string][] = [
  // IDs: look-alike letters inside digit groups, spaces and dots between groups.
  ['personal_id', '0l1 3O9 OO1 234', '011309001234'],
  ['personal_id', '011.309.001.234', '011309001234'],
  ['old_id', '04/286162', '041286162'],
  ['old_id', '04/7/3259', '041713259'],
  ['id_any', 'O4O l85 l23.', '040185123'],
  ['id_any', '04O185|23', '040185123'],
  ['old_id', 'S4B 1Z3 456', '548123456'],
  ['id_any', 'Không', 'Không'],
  ['id_any', 'chưa cấp', 'chưa cấp'],
  // Dates: digits fixed, separators unified, words kept for the date normalizer.
  ['birth_date', '12.O3.l985', '12/03/1985'],
  ['birth_date', '12-03-1985', '12/03/1985'],
  ['birth_date', '12 / 03 /19 85', '12/03/1985'],
  ['birth_date', '12,3,1985', '12/3/1985'],
  ['birth_date', '12 03 1985', '12/03/1985'],
  ['birth_date', '19 68', '1968'],
  ['birth_date', '……1968……', '1968'],
  ['birth_date', 'Ngày l2 tháng 3 năm 1985', 'Ngày 12 tháng 3 năm 1985'],
  ['birth_date', '12/3/1985 (âm lịch)', '12/3/1985 (âm lịch)'],
  // Sex: the two values whatever OCR did to the diacritics and spaces.
  ['sex', 'Nừ', 'Nữ'],
  ['sex', 'Nu', 'Nữ'],
  ['sex', 'NỮ', 'Nữ'],
  ['sex', 'Na m', 'Nam'],
  ['sex', 'Narn', 'Nam'],
  ['sex', 'Nam.', 'Nam'],
  ['sex', 'Nữ Nam', 'Nữ Nam'],
  // Names and text: leaders, junk and spaces only; letters are never turned into digits or back.
  ['full_name', '....Nguyễn  Thị Hường....', 'Nguyễn Thị Hường'],
  ['full_name', '_ _ Lò Văn Pánh _ _', 'Lò Văn Pánh'],
  ['full_name', 'Nguyễn Th1 Hường', 'Nguyễn Th1 Hường'],
  ['full_name', "H'Hen Niê", "H'Hen Niê"],
  ['other_name', 'ồ.ồồồồồồồồ‹', ''],
  ['other_name', '-----', ''],
  ['birthplace', ', Xã Thanh Xương, huyện Điện Biên.', 'Xã Thanh Xương, huyện Điện Biên'],
  ['occupation', 'Giáo viên (hợp đồng)', 'Giáo viên (hợp đồng)'],
  ['household_book_no', 'HK O4512.....----"-', 'HK 04512'],
  ['household_book_no', '11O 234 567', '110 234 567'],
  ['household_book_no', 'HOA', 'HOA'],
];

describe('correctField', () => {
  for (const [field, input, expected] of CASES) {
    it(`${field}: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(correctField(field, input)).toBe(expected);
    });
  }
});

describe('correctField: letters read as digits in word fields', () => {
  it.each([
    ['full_name', '7òng Thị Phanh', 'Tòng Thị Phanh'],
    ['ethnicity', '7hái', 'Thái'],
    ['full_name', 'Lò Văn 5ình', 'Lò Văn Sình'],
    ['full_name', 'Lò V4n Pánh', 'Lò V4n Pánh'],
    ['birthplace', '7 Điện Biên', '7 Điện Biên'],
    ['religion', '0', '0'],
  ] as const)('%s %s → %s', (field, text, expected) => expect(correctField(field, text)).toBe(expected));
});
