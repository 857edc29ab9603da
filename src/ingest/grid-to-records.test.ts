import { describe, it, expect } from 'vitest';
import { gridToRecords } from './grid-to-records.js';
import type { Grid, RawField } from './source-record.js';

type Raw = Partial<Record<RawField, string>>;

/** A grid from rows of cells, numbered from `first` (as a spreadsheet shows them). */
function grid(rows: string[][], sheet: string | null = 'Sheet1', first = 1): Grid {
  return { sheet, rows: rows.map((cells, i) => ({ rowNumber: first + i, cells })) };
}

interface Case {
  name: string;
  rows: string[][];
  sheet?: string | null;
  /** [row number, householdKey, raw] per expected record, in order. */
  expect: Array<[number, string | null, Raw]>;
}

const CASES: Case[] = [
  {
    name: 'titles, blank rows, numbering row, totals and signature footer around a one-row header',
    rows: [
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '', '', '', ''],
      ['Độc lập - Tự do - Hạnh phúc', '', '', '', ''],
      ['', '', '', '', ''],
      ['DANH SÁCH NHÂN KHẨU THƯỜNG TRÚ', '', '', '', ''],
      ['Xã Mường Phăng, huyện Điện Biên', '', '', '', ''],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc'],
      ['1', '2', '3', '4', '5'],
      ['1', 'LÒ VĂN PÁNH', '12/03/1968', 'Nam', 'Thái'],
      ['', '', '', '', ''],
      ['2', 'Lò Thị Ín', '1970', 'Nữ', 'Thái'],
      ['', 'Tổng cộng: 2 nhân khẩu', '', '', ''],
      ['', '', '', 'Mường Phăng, ngày 12 tháng 3 năm 2019', ''],
      ['', 'Người lập biểu', '', 'Trưởng Công an xã', ''],
      ['', '(Ký, ghi rõ họ tên)', '', '(Ký, ghi rõ họ tên)', ''],
      ['', 'Lò Văn Tâm', '', 'Quàng Văn Hặc', ''],
    ],
    expect: [
      [8, null, { seq: '1', full_name: 'LÒ VĂN PÁNH', birth_date: '12/03/1968', sex: 'Nam', ethnicity: 'Thái' }],
      [10, null, { seq: '2', full_name: 'Lò Thị Ín', birth_date: '1970', sex: 'Nữ', ethnicity: 'Thái' }],
    ],
  },
  {
    name: 'unaccented capitalised header with "(1) (2)" numbering',
    rows: [
      ['HO VA TEN', 'NAM SINH', 'DAN TOC', 'QUAN HE VOI CHU HO', 'SO SO HO KHAU'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ['Giàng A Pó', '1980', 'Mông', 'Chủ hộ', '  0123 45 '],
      ['Vừ Thị Dợ', '1982', 'Mông', 'Vợ', '012345'],
    ],
    expect: [
      [3, 'book:012345', { full_name: 'Giàng A Pó', birth_date: '1980', ethnicity: 'Mông', relation_to_head: 'Chủ hộ', household_book_no: '0123 45' }],
      [4, 'book:012345', { full_name: 'Vừ Thị Dợ', birth_date: '1982', ethnicity: 'Mông', relation_to_head: 'Vợ', household_book_no: '012345' }],
    ],
  },
  {
    name: 'two-row header, XLSX style: merged parents filled across and down; Nam/Nữ year split',
    rows: [
      ['TT', 'Họ và tên', 'Năm sinh', 'Năm sinh', 'Quan hệ với chủ hộ'],
      ['TT', 'Họ và tên', 'Nam', 'Nữ', 'Quan hệ với chủ hộ'],
      ['1', 'Cầm Văn Sơn', '1955', '', 'Chủ hộ'],
      ['2', 'Lường Thị Hoa', '', '1958', 'Vợ'],
    ],
    expect: [
      [3, 'block:Sheet1:1', { seq: '1', full_name: 'Cầm Văn Sơn', birth_year_male: '1955', relation_to_head: 'Chủ hộ' }],
      [4, 'block:Sheet1:1', { seq: '2', full_name: 'Lường Thị Hoa', birth_year_female: '1958', relation_to_head: 'Vợ' }],
    ],
  },
  {
    name: 'two-row header, CSV style: parent text only above its first column; unaccented Nam/Nu',
    sheet: null,
    rows: [
      ['STT', 'Ho va ten', 'Nam sinh', '', 'Dan toc'],
      ['', '', 'Nam', 'Nu', ''],
      ['1', 'Sùng A Chư', '1990', '', 'Mông'],
      ['2', 'Sùng Thị Mai', '', '1992', 'Mông'],
    ],
    expect: [
      [3, null, { seq: '1', full_name: 'Sùng A Chư', birth_year_male: '1990', ethnicity: 'Mông' }],
      [4, null, { seq: '2', full_name: 'Sùng Thị Mai', birth_year_female: '1992', ethnicity: 'Mông' }],
    ],
  },
  {
    name: 'one-row header with Nam | Nữ side by side (no parent)',
    rows: [
      ['Họ và tên', 'Nam', 'Nữ', 'Dân tộc'],
      ['Lò Văn Ún', '1961', '', 'Thái'],
      ['Lò Thị Xuân', '', '1964', 'Thái'],
    ],
    expect: [
      [2, null, { full_name: 'Lò Văn Ún', birth_year_male: '1961', ethnicity: 'Thái' }],
      [3, null, { full_name: 'Lò Thị Xuân', birth_year_female: '1964', ethnicity: 'Thái' }],
    ],
  },
  {
    name: 'Ngày tháng năm sinh over Ngày | Tháng | Năm (CSV, unaccented children)',
    rows: [
      ['Họ và tên', 'Ngày tháng năm sinh', '', '', 'Giới tính'],
      ['', 'Ngay', 'Thang', 'Nam', ''],
      ['Hà Văn Thắng', '5', '7', '1975', 'Nam'],
    ],
    expect: [[3, null, { full_name: 'Hà Văn Thắng', birth_day: '5', birth_month: '7', birth_year: '1975', sex: 'Nam' }]],
  },
  {
    name: 'Giới tính over Nam | Nữ holds marks, not years',
    rows: [
      ['Họ và tên', 'Giới tính', 'Giới tính', 'Năm sinh'],
      ['Họ và tên', 'Nam', 'Nữ', 'Năm sinh'],
      ['Lò Văn Pánh', 'x', '', '1968'],
      ['Lò Thị Ín', '', 'x', '1970'],
    ],
    expect: [
      [3, null, { full_name: 'Lò Văn Pánh', sex: 'Nam', birth_date: '1968' }],
      [4, null, { full_name: 'Lò Thị Ín', sex: 'Nữ', birth_date: '1970' }],
    ],
  },
  {
    name: 'Họ và tên over Họ, chữ đệm | Tên; Địa chỉ thường trú over Thôn/bản | Xã | Huyện | Tỉnh',
    rows: [
      ['Họ và tên', '', 'Địa chỉ thường trú', '', '', ''],
      ['Họ, chữ đệm', 'Tên', 'Thôn/bản', 'Xã', 'Huyện', 'Tỉnh'],
      ['Lò Văn', 'Pánh', 'Bản Na Ngam', 'Mường Phăng', 'Điện Biên', 'Điện Biên'],
    ],
    expect: [[3, null, { family_middle: 'Lò Văn', given_name: 'Pánh', hamlet: 'Bản Na Ngam', commune: 'Mường Phăng', district: 'Điện Biên', province: 'Điện Biên' }]],
  },
  {
    name: 'Quê quán over Xã | Huyện | Tỉnh joins into native_place',
    rows: [
      ['Họ và tên', 'Quê quán', 'Quê quán', 'Quê quán'],
      ['Họ và tên', 'Xã', 'Huyện', 'Tỉnh'],
      ['Nguyễn Văn Bình', 'Nam Sơn', 'Quế Võ', 'Bắc Ninh'],
    ],
    expect: [[3, null, { full_name: 'Nguyễn Văn Bình', native_place: 'Nam Sơn, Quế Võ, Bắc Ninh' }]],
  },
  {
    name: 'merged "Họ và tên" over two data columns (XLSX fill) joins family and given name',
    rows: [
      ['STT', 'Họ và tên', 'Họ và tên', 'Năm sinh'],
      ['1', 'Lò Văn', 'Pánh', '1968'],
    ],
    expect: [[2, null, { seq: '1', full_name: 'Lò Văn Pánh', birth_date: '1968' }]],
  },
  {
    name: 'household blocks: book number and address only on the head row are filled down',
    rows: [
      ['Số hộ khẩu', 'Họ tên chủ hộ', 'Địa chỉ', 'Họ và tên', 'QH với CH'],
      ['123', 'Lò Văn Pánh', 'Bản Na Ngam', 'Lò Văn Pánh', 'Chủ hộ'],
      ['', '', '', 'Lò Thị Ín', 'Vợ'],
      ['', '', '', 'Lò Văn Ơn', 'Con'],
      ['456', 'Quàng Văn Xôm', 'Bản Cang', 'Quàng Văn Xôm', 'Chủ hộ'],
      ['', '', '', 'Quàng Thị Hom', 'Vợ'],
    ],
    expect: [
      [2, 'book:123', { household_book_no: '123', household_head: 'Lò Văn Pánh', address: 'Bản Na Ngam', full_name: 'Lò Văn Pánh', relation_to_head: 'Chủ hộ' }],
      [3, 'book:123', { household_book_no: '123', household_head: 'Lò Văn Pánh', address: 'Bản Na Ngam', full_name: 'Lò Thị Ín', relation_to_head: 'Vợ' }],
      [4, 'book:123', { household_book_no: '123', household_head: 'Lò Văn Pánh', address: 'Bản Na Ngam', full_name: 'Lò Văn Ơn', relation_to_head: 'Con' }],
      [5, 'book:456', { household_book_no: '456', household_head: 'Quàng Văn Xôm', address: 'Bản Cang', full_name: 'Quàng Văn Xôm', relation_to_head: 'Chủ hộ' }],
      [6, 'book:456', { household_book_no: '456', household_head: 'Quàng Văn Xôm', address: 'Bản Cang', full_name: 'Quàng Thị Hom', relation_to_head: 'Vợ' }],
    ],
  },
  {
    name: 'ambiguous "Chủ hộ" column holding relations; blocks without book numbers',
    rows: [
      ['Họ và tên', 'Năm sinh', 'Chủ hộ'],
      ['Giàng A Pó', '1980', 'Chủ hộ'],
      ['Vừ Thị Dợ', '1982', 'Vợ'],
      ['Giàng A Sử', '1950', 'CH'],
      ['Giàng Thị Mỷ', '2005', 'Con'],
    ],
    expect: [
      [2, 'block:Sheet1:1', { full_name: 'Giàng A Pó', birth_date: '1980', relation_to_head: 'Chủ hộ' }],
      [3, 'block:Sheet1:1', { full_name: 'Vừ Thị Dợ', birth_date: '1982', relation_to_head: 'Vợ' }],
      [4, 'block:Sheet1:2', { full_name: 'Giàng A Sử', birth_date: '1950', relation_to_head: 'CH' }],
      [5, 'block:Sheet1:2', { full_name: 'Giàng Thị Mỷ', birth_date: '2005', relation_to_head: 'Con' }],
    ],
  },
  {
    name: 'ambiguous "Chủ hộ" column holding the head\'s name on every row',
    rows: [
      ['Chủ hộ', 'Họ và tên', 'Quan hệ'],
      ['Chu Văn Thịnh', 'Chu Văn Thịnh', 'Chủ hộ'],
      ['Chu Văn Thịnh', 'Bạc Thị Ba', 'Vợ'],
    ],
    expect: [
      [2, 'block:Sheet1:1', { household_head: 'Chu Văn Thịnh', full_name: 'Chu Văn Thịnh', relation_to_head: 'Chủ hộ' }],
      [3, 'block:Sheet1:1', { household_head: 'Chu Văn Thịnh', full_name: 'Bạc Thị Ba', relation_to_head: 'Vợ' }],
    ],
  },
  {
    name: '"Chủ hộ" column with a mark on the head\'s row',
    rows: [
      ['Họ và tên', 'Chủ hộ', 'Năm sinh'],
      ['Lò Văn Pánh', 'x', '1968'],
      ['Lò Thị Ín', '', '1970'],
    ],
    expect: [
      [2, 'block:Sheet1:1', { full_name: 'Lò Văn Pánh', relation_to_head: 'Chủ hộ', birth_date: '1968' }],
      [3, 'block:Sheet1:1', { full_name: 'Lò Thị Ín', birth_date: '1970' }],
    ],
  },
  {
    name: 'header repeated at a page break and a row with data but no name are kept apart',
    rows: [
      ['STT', 'Họ và tên', 'Năm sinh', 'Ghi chú'],
      ['1', 'Lò Văn Pánh', '1968', ''],
      ['STT', 'Họ và tên', 'Năm sinh', 'Ghi chú'],
      ['1', '2', '3', '4'],
      ['2', '', '1970', 'mất tên'],
      ['3', '', '', ''],
    ],
    expect: [
      [2, null, { seq: '1', full_name: 'Lò Văn Pánh', birth_date: '1968' }],
      [5, null, { seq: '2', birth_date: '1970', note: 'mất tên' }],
    ],
  },
  {
    name: 'IDs: CCCD, CMND, CCCD/CMND; unknown columns ignored',
    rows: [
      ['Họ tên', 'Số CCCD', 'Số CMND', 'Số CMND/CCCD', 'Trình độ văn hóa', 'Ngày cấp'],
      ['Trương Văn Lâm', '011089001234', '040123456', '011089001234', '12/12', '01/01/2021'],
    ],
    expect: [[2, null, { full_name: 'Trương Văn Lâm', personal_id: '011089001234', old_id: '040123456', id_any: '011089001234' }]],
  },
  {
    name: 'a birth date written in words is not a signature-block date; a narrow list keeps the rows after it',
    rows: [
      ['Họ và tên', 'Ngày sinh'],
      ['Lò Văn Sáu', 'ngày 12 tháng 3 năm 1968'],
      ['Lò Văn Bảy', '1970'],
      ['', 'Mường Phăng, ngày 12 tháng 3 năm 2019'],
      ['', 'Người lập biểu'],
      ['Lò Văn Tâm', ''],
    ],
    expect: [
      [2, null, { full_name: 'Lò Văn Sáu', birth_date: 'ngày 12 tháng 3 năm 1968' }],
      [3, null, { full_name: 'Lò Văn Bảy', birth_date: '1970' }],
    ],
  },
];

describe('gridToRecords', () => {
  it.each(CASES)('$name', ({ rows, sheet, expect: expected }) => {
    const s = sheet === undefined ? 'Sheet1' : sheet;
    const out = gridToRecords(grid(rows, s), 'ds.xlsx');
    expect(out.error).toBeNull();
    expect(out.sheet).toBe(s);
    expect(out.records.map((r) => [r.locator.row, r.householdKey, r.raw])).toEqual(expected);
    for (const r of out.records) {
      expect(r.locator).toMatchObject({ file: 'ds.xlsx', sheet: s, page: null });
      expect(r.confidence).toEqual({});
    }
  });
});

describe('gridToRecords rejects a sheet it cannot read', () => {
  it.each([
    {
      name: 'no header at all',
      rows: [['Báo cáo tháng 3'], ['Lò Văn Pánh', '1968']],
      sheet: 'Sheet2' as string | null,
      message: 'Tệp ds.xlsx, trang tính "Sheet2": không tìm thấy dòng tiêu đề có cột Họ và tên',
    },
    {
      name: 'a header without a name column',
      rows: [['DANH SÁCH HỘ'], ['STT', 'Số sổ HK', 'Địa chỉ', 'Số nhân khẩu'], ['1', '123', 'Bản Na Ngam', '4']],
      sheet: 'Tổng hợp',
      message: 'Tệp ds.xlsx, trang tính "Tổng hợp": dòng tiêu đề (dòng 2) không có cột Họ và tên (hoặc Họ và chữ đệm cùng Tên)',
    },
    {
      name: 'a CSV (no sheet) without header',
      rows: [['a', 'b'], ['1', '2']],
      sheet: null,
      message: 'Tệp ds.xlsx: không tìm thấy dòng tiêu đề có cột Họ và tên',
    },
  ])('$name', ({ rows, sheet, message }) => {
    const out = gridToRecords(grid(rows, sheet), 'ds.xlsx');
    expect(out.records).toEqual([]);
    expect(out.error).toBe(message);
  });

  it('an empty sheet yields nothing and no error', () => {
    expect(gridToRecords(grid([['', ''], []], 'Sheet3'), 'ds.xlsx')).toEqual({ sheet: 'Sheet3', records: [], error: null });
  });
});
