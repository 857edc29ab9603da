import { describe, it, expect } from 'vitest';
import {
  normalizeHouseholdBookNo, normalizeNationality, normalizeOccupation, normalizeOtherName, normalizePlace,
  normalizeReligion, sentenceCase,
} from './simple-fields.js';

type Fn = (raw: string) => { value: string | null };
const table: [string, Fn, string, string | null][] = [
  ['religion', normalizeReligion, 'Không', 'Không'],
  ['religion', normalizeReligion, 'KHÔNG', 'Không'],
  ['religion', normalizeReligion, 'ko', 'Không'],
  ['religion', normalizeReligion, 'Phật', 'Phật giáo'],
  ['religion', normalizeReligion, 'Đạo Phật', 'Phật giáo'],
  ['religion', normalizeReligion, 'Thiên Chúa giáo', 'Công giáo'],
  ['religion', normalizeReligion, 'cong giao', 'Công giáo'],
  ['religion', normalizeReligion, 'Tin Lành', 'Tin lành'],
  ['religion', normalizeReligion, 'Hoà Hảo', 'Phật giáo Hòa Hảo'],
  ['religion', normalizeReligion, 'Tịnh độ cư sĩ', 'Tịnh độ cư sĩ'],
  ['religion', normalizeReligion, '-', null],
  ['nationality', normalizeNationality, 'VN', 'Việt Nam'],
  ['nationality', normalizeNationality, 'Viet Nam', 'Việt Nam'],
  ['nationality', normalizeNationality, 'VIỆT NAM', 'Việt Nam'],
  ['nationality', normalizeNationality, 'CHXHCN Việt Nam', 'Việt Nam'],
  ['nationality', normalizeNationality, 'Lào', 'Lào'],
  ['nationality', normalizeNationality, 'hàn quốc', 'Hàn Quốc'],
  ['nationality', normalizeNationality, '', null],
  ['occupation', normalizeOccupation, 'LÀM RUỘNG', 'Làm ruộng'],
  ['occupation', normalizeOccupation, 'HS', 'Học sinh'],
  ['occupation', normalizeOccupation, 'hs', 'Học sinh'],
  ['occupation', normalizeOccupation, 'giáo viên', 'Giáo viên'],
  ['occupation', normalizeOccupation, 'Không', 'Không'],
  ['place', normalizePlace, 'XÃ MƯỜNG PHĂNG, HUYỆN ĐIỆN BIÊN', 'Xã Mường Phăng, Huyện Điện Biên'],
  ['place', normalizePlace, 'xã Thanh Xương, huyện Điện Biên', 'xã Thanh Xương, huyện Điện Biên'],
  ['place', normalizePlace, '  Bản  Nà Ngam ', 'Bản Nà Ngam'],
  ['other name', normalizeOtherName, 'ông pánh', 'Ông Pánh'],
  ['other name', normalizeOtherName, 'Không', null],
  ['other name', normalizeOtherName, '-', null],
  ['book no', normalizeHouseholdBookNo, '110 234 567', '110234567'],
  ['book no', normalizeHouseholdBookNo, 'Số: 110234567', '110234567'],
  ['book no', normalizeHouseholdBookNo, '110234567.0', '110234567'],
  ['book no', normalizeHouseholdBookNo, 'HK 01/2005', 'HK01/2005'],
];

describe('simple fields', () => {
  it.each(table)('%s %j → %j', (_f, fn, raw, value) => {
    expect(fn(raw)).toEqual({ value, issues: [] });
  });
  it('sentenceCase lowers all-caps text only', () => {
    expect(sentenceCase('CON DÂU')).toBe('Con dâu');
    expect(sentenceCase('làm Cán bộ')).toBe('Làm Cán bộ');
  });
});
