import { describe, expect, it } from 'vitest';
import type { PersonValues } from '../../../normalize/person-values.js';
import type { Comparison } from '../comparison.js';
import { levelIndex } from '../comparison.js';
import { person } from '../test-person.js';
import { birthDateComparison, parseIsoDate } from './birth-date-comparison.js';
import {
  addressComparison,
  ethnicityComparison,
  householdBookComparison,
  oldIdComparison,
  otherNameComparison,
  personalIdComparison,
  sexComparison,
} from './person-comparisons.js';
import { textComparison } from './text-comparison.js';
import { vnNameComparison } from './vn-name-comparison.js';
import { label } from '../comparison.js';

/** The level key a comparison gives two records. */
function levelOf<R>(comparison: Comparison<R, any>, a: R, b: R): string {
  return comparison.levels[levelIndex(comparison, comparison.prepare(a), comparison.prepare(b))].key;
}

const named = (full_name: string, more: Partial<PersonValues> = {}) => person({ full_name, ...more });

describe('vnNameComparison', () => {
  const name = vnNameComparison();
  it.each([
    ['Nguyễn Văn Hùng', 'NGUYỄN VĂN HÙNG', 'exact'],
    ['Nguyễn Văn Hùng', 'Nguyen Van Hung', 'fold'],
    ['Nguyễn Văn Hùng', 'Nguyễn Văn Hừng', 'fold'],
    ['Lê Thị Thủy Hòa', 'Lê Thị Thuỷ Hoà', 'tone'],
    ['Hoàng Thị Lan', 'Huỳnh Thị Lan', 'family_variant'],
    ['Vũ Đức Thắng', 'Võ Đức Thắng', 'family_variant'],
    ['Vu Duc Thang', 'Vo Duc Thang', 'family_variant'],
    ['Nguyễn Thị Hoa', 'Nguyễn Hoa', 'middle_differs'],
    ['Trần Thị Minh Nguyệt', 'Trần Thị Nguyệt', 'middle_differs'],
    ['Phạm Văn Thành', 'Phạm Văn Thanhh', 'jw92'],
    ['Lê Bình', 'Phùng Thị Bình', 'given_only'],
    ['Giàng A Páo', 'Nguyễn Thị Mai', 'else'],
    ['Giàng A Páo', '', 'null'],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(levelOf(name, named(a), named(b))).toBe(expected);
  });

  it('uses the record\'s own split when given (compound family Tôn Nữ)', () => {
    const a = named('Tôn Nữ Thị Hoà', { family_name: 'Tôn Nữ', middle_name: 'Thị', given_name: 'Hoà' });
    const b = named('Tôn Nữ Hoà', { family_name: 'Tôn Nữ', middle_name: null, given_name: 'Hoà' });
    expect(levelOf(name, a, b)).toBe('middle_differs');
  });
});

describe('birthDateComparison', () => {
  const dob = birthDateComparison<PersonValues>((p) => p.birth_date);
  it.each([
    ['1968-03-12', '1968-03-12', 'exact'],
    ['1968-03-12', '1968-12-03', 'dm_swap'],
    ['1968-03-12', '1968-03-13', 'typo'],
    ['1968-03-12', '1986-03-12', 'typo'],
    ['1968-03-12', '1968-03-25', 'year_month'],
    ['1968-03', '1968-03-12', 'year_month'],
    ['1968', '1968-03-12', 'partial'],
    ['1968', '1968', 'partial'], // two people of one year: a shared year is not a shared birthday
    ['1968-03', '1968-03', 'year_month'],
    ['1968-03-12', '1968', 'partial'],
    ['1968-03-12', '1968-07-25', 'year'],
    ['1968-03-12', '1969-07-25', 'year_1'],
    ['1968-03-12', '1975-07-25', 'else'],
    ['1968-03-12', null, 'null'],
    ['12/03/1968', '1968-03-12', 'null'], // not canonical: the comparison says nothing
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(levelOf(dob, named('A', { birth_date: a }), named('A', { birth_date: b }))).toBe(expected);
  });
});

describe('parseIsoDate', () => {
  // The definition, by regular expression: the character-code path for stored dates must answer the same.
  const byRegex = (text: string) => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
    if (!m) return null;
    const month = Number(m[2] ?? 0);
    return { text: m[0], year: Number(m[1]), month, day: month === 0 ? 0 : Number(m[3] ?? 0) };
  };
  it.each(['1968', '1968-03', '1968-03-12', '1968-00-12', '0000-00-00', '2024-13-45', ' 1968-03-12', '1968-03-12 ', '1968-3-12',
    '19680312', '1968-03-1x', '1968/03/12', '196a', '١٩٦٨', '1968-03-', 'abcd-ef-gh', '1968-03-12T00'])('%j', (text) => {
    expect(parseIsoDate(text)).toEqual(byRegex(text));
  });
  it('reads nothing from nothing', () => {
    expect(parseIsoDate(null)).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
});

describe('identity and coded comparisons', () => {
  it.each([
    ['personal_id', personalIdComparison(), { personal_id: '001068001234' }, { personal_id: '001068001234' }, 'exact'],
    ['personal_id', personalIdComparison(), { personal_id: '001068001234' }, { personal_id: '001068001243' }, 'typo'],
    ['personal_id', personalIdComparison(), { personal_id: '001068001234' }, { personal_id: '034185009876' }, 'else'],
    ['personal_id', personalIdComparison(), { personal_id: '001068001234' }, { personal_id: null }, 'null'],
    ['old_id', oldIdComparison(), { old_id: '012345678' }, { old_id: '012 345 678' }, 'exact'],
    ['old_id', oldIdComparison(), { old_id: '012345678' }, { old_id: '912345670' }, 'else'],
    ['sex', sexComparison(), { sex: 'F' }, { sex: 'F' }, 'exact'],
    ['sex', sexComparison(), { sex: 'F' }, { sex: 'M' }, 'else'],
    ['sex', sexComparison(), { sex: 'F' }, { sex: null }, 'null'],
    ['household_book', householdBookComparison(), { household_book_no: 'HK-0123' }, { household_book_no: 'hk 0123' }, 'exact'],
    ['household_book', householdBookComparison(), { household_book_no: '0123' }, { household_book_no: '0124' }, 'else'],
    ['ethnicity', ethnicityComparison(), { ethnicity: 'Mông' }, { ethnicity: 'Mong' }, 'exact'],
    ['ethnicity', ethnicityComparison(), { ethnicity: 'Thái' }, { ethnicity: 'Mông' }, 'else'],
    ['address', addressComparison(), { address_text: 'Thôn 3, xã Tân Lập, huyện Đan Phượng' }, { address_text: 'thon 3 xa tan lap huyen dan phuong' }, 'exact'],
    ['address', addressComparison(), { address_text: 'Thôn 3, xã Tân Lập, huyện Đan Phượng, Hà Nội' }, { address_text: 'Thôn 3, Tân Lập, Đan Phượng' }, 'similar'],
    ['address', addressComparison(), { address_text: 'Xóm Chợ, xã Yên Sở', hamlet: 'Xóm Chợ' }, { address_text: 'Khu tập thể A, phường Cửa Nam', hamlet: 'Xóm Chợ' }, 'hamlet'],
    ['address', addressComparison(), { address_text: 'Bản Mường Lói, Điện Biên' }, { address_text: 'Số 5 Hàng Bài, Hoàn Kiếm' }, 'else'],
    // Two communes of one province share their unit words and little else (4 of 9 words: below 0.6).
    ['address', addressComparison(), { address_text: 'Bản Pú Đao, xã Chà Nưa, huyện Nậm Pồ' }, { address_text: 'Bản Pa Sáng, xã Huổi Mí, huyện Mường Chà' }, 'else'],
    // 3 of the shorter one's 5 distinct words (its repeated 'Hồng' counts once): 0.6.
    ['address', addressComparison(), { address_text: 'Bản Na Na, xã Na Son, huyện Điện Biên Đông' }, { address_text: 'Na Son, Bản Hồng, Hồng Mường' }, 'similar'],
  ] as [string, Comparison<PersonValues, any>, Partial<PersonValues>, Partial<PersonValues>, string][])('%s: %o ~ %o → %s', (_, comparison, a, b, expected) => {
    expect(levelOf(comparison, named('A', a), named('A', b))).toBe(expected);
  });
});

describe('otherNameComparison', () => {
  const other = otherNameComparison();
  it.each([
    [named('Nguyễn Thị Lan', { other_name: 'Nguyễn Thị Mơ' }), named('Nguyen Thi Mo'), 'cross'],
    [named('Lò Văn Pánh'), named('Lò Văn Páo', { other_name: 'Lò Văn Pánh' }), 'cross'],
    [named('Lò Văn Pánh', { other_name: 'Pánh Nhỏ' }), named('Lò Văn Pành', { other_name: 'Panh Nho' }), 'shared'],
    [named('Nguyễn Thị Lan', { other_name: 'Nguyễn Thị Mơ' }), named('Trần Thị Hoa'), 'else'],
    [named('Nguyễn Thị Lan'), named('Nguyễn Thị Lan'), 'null'],
    // An other name equal to both names (a namesake of a person who carries her own name as other name) is no cross match.
    [named('Sùng Thị Xá', { other_name: 'Sùng Thị Xá' }), named('Sung Thi Xa'), 'else'],
  ])('%#: → %s', (a, b, expected) => {
    expect(levelOf(other, a, b)).toBe(expected);
  });
});

describe('textComparison', () => {
  const suburb = textComparison<{ s: string | null }>({ name: 'suburb', label: label('khu', 'suburb'), value: (r) => r.s, vietnamese: true, jaroWinkler: [0.92, 0.8], maxEdits: 1 });
  it.each([
    ['Hoà Bình', 'hoà bình', 'exact'],
    ['Hoà Bình', 'Hòa Bình', 'tone'],
    ['Hoà Bình', 'Hoa Binh', 'fold'],
    ['richlands', 'richlandss', 'jw92'],
    ['winston hills', 'winstonkhills', 'jw92'],
    ['richlands', 'richmond', 'jw80'],
    ['dapto', 'bega', 'else'],
    ['dapto', null, 'null'],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(levelOf(suburb, { s: a }, { s: b })).toBe(expected);
  });

  it('labels levels from the field phrase', () => {
    expect(suburb.levels.map((l) => l.label.vi)).toEqual([
      'thiếu khu',
      'cùng khu',
      'cùng khu (khác cách đặt dấu)',
      'cùng khu khi bỏ dấu',
      'khu gần giống (≥ 0,92)',
      'khu gần giống (≥ 0,8)',
      'khu lệch 1 ký tự',
      'khu khác',
    ]);
  });
});
