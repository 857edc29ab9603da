import { describe, it, expect } from 'vitest';
import { detectHeader, continuesHeader } from './header-detect.js';
import type { ColumnSpec } from './header-columns.js';

const rows = (cells: string[][]) => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));

/** Column targets as short strings: `1:full_name`, `2:sex_split:male`. */
function describeColumns(cols: ColumnSpec[]): string[] {
  return cols.map((c) => {
    const t = c.target;
    const what = t.kind === 'field' ? t.field : t.kind === 'sex_split' ? `sex_split:${t.sex}${t.marksOnly ? ':marks' : ''}` : t.kind;
    return `${c.index}:${what}${c.join ? ':join' : ''}`;
  });
}

describe('detectHeader', () => {
  it.each([
    {
      name: 'one-row header under titles and a blank row',
      grid: [['UBND XÃ MƯỜNG PHĂNG'], [''], ['Stt', 'Họ và tên', 'Ngày sinh', 'Dân tộc'], ['1', '2', '3', '4']],
      rowIndexes: [2],
      columns: ['0:seq', '1:full_name', '2:birth_date', '3:ethnicity'],
    },
    {
      name: 'numbering row is not a second header row',
      grid: [['TT', 'Họ tên', 'NS'], ['(1)', '(2)', '(3)'], ['1', 'Lò Văn Pánh', '1968']],
      rowIndexes: [0],
      columns: ['0:seq', '1:full_name', '2:birth_date'],
    },
    {
      name: 'first data row is not a second header row even when it holds "Nam" and "Chủ hộ"',
      grid: [['Họ và tên', 'Giới tính', 'Quan hệ với chủ hộ'], ['Lò Văn Pánh', 'Nam', 'Chủ hộ']],
      rowIndexes: [0],
      columns: ['0:full_name', '1:sex', '2:relation_to_head'],
    },
    {
      name: 'two-row header (XLSX fill) with Ngày | Tháng | Năm',
      grid: [
        ['Họ và tên', 'Ngày, tháng, năm sinh', 'Ngày, tháng, năm sinh', 'Ngày, tháng, năm sinh', 'Nơi thường trú', 'Nơi thường trú'],
        ['Họ và tên', 'Ngày', 'Tháng', 'Năm', 'Xã, phường, thị trấn', 'Quận, huyện'],
      ],
      rowIndexes: [0, 1],
      columns: ['0:full_name', '1:birth_day', '2:birth_month', '3:birth_year', '4:commune', '5:district'],
    },
    {
      name: 'CCCD/CMND parent over a bare "Số" and an ignored "Ngày cấp"',
      grid: [['Họ và tên', 'CCCD/CMND', ''], ['', 'Số', 'Ngày cấp'], ['Lò Văn Pánh', '011089001234', '2021']],
      rowIndexes: [0, 1],
      columns: ['0:full_name', '1:id_any'],
    },
    {
      name: 'Giới tính over Nam | Nữ marks (CSV style)',
      grid: [['Họ và tên', 'Giới tính', ''], ['', 'Nam', 'Nữ']],
      rowIndexes: [0, 1],
      columns: ['0:full_name', '1:sex_split:male:marks', '2:sex_split:female:marks'],
    },
    {
      name: 'Năm alone is no year column; Nam alone is no sex column',
      grid: [['Họ và tên', 'Năm', 'Ghi chú', 'Nam']],
      rowIndexes: [0],
      columns: ['0:full_name', '2:note'],
    },
    {
      name: 'merged Ngày sinh over three data columns joins them',
      grid: [['Họ và tên', 'Ngày sinh', 'Ngày sinh', 'Ngày sinh']],
      rowIndexes: [0],
      columns: ['0:full_name', '1:birth_date:join', '2:birth_date:join', '3:birth_date:join'],
    },
    {
      name: 'a lone label row over the header reads as its parent row; the columns are the same',
      grid: [['Họ và tên'], ['STT', 'Họ và tên', 'Năm sinh', 'Dân tộc']],
      rowIndexes: [0, 1],
      columns: ['0:seq', '1:full_name', '2:birth_date', '3:ethnicity'],
    },
    {
      name: 'three header rows (XLSX, vertical merges lost): group row, labels, Nam | Nữ under Năm sinh',
      grid: [
        ['STT', 'Thông tin nhân khẩu', 'Thông tin nhân khẩu', 'Thông tin nhân khẩu', 'Giấy tờ', 'Hộ'],
        ['', 'Họ và tên', 'Năm sinh', 'Năm sinh', 'Số ĐDCN', 'Số hộ khẩu'],
        ['', '', 'Nam', 'Nữ', '', ''],
        ['1', 'Lò Văn Pánh', '1968', '', '011068001234', '123456'],
      ],
      rowIndexes: [0, 1, 2],
      columns: ['0:seq', '1:full_name', '2:sex_split:male', '3:sex_split:female', '4:personal_id', '5:household_book_no'],
    },
    {
      name: 'three header rows (CSV): each label written once, above the first column it covers',
      grid: [
        ['STT', 'Thông tin nhân khẩu', '', '', '', 'Nơi thường trú', ''],
        ['', 'Họ và tên', 'Ngày tháng năm sinh', '', '', 'Thôn, bản', 'Xã'],
        ['', '', 'Ngày', 'Tháng', 'Năm', '', ''],
        ['1', 'Lò Văn Pánh', '12', '3', '1968', 'Na Ngam', 'Mường Phăng'],
      ],
      rowIndexes: [0, 1, 2],
      columns: ['0:seq', '1:full_name', '2:birth_day', '3:birth_month', '4:birth_year', '5:hamlet', '6:commune'],
    },
    {
      name: 'a "Chủ hộ" group over Họ và tên | Số ĐDCN describes the head, not the row\'s person',
      grid: [
        ['STT', 'Chủ hộ', '', 'Thành viên trong hộ', '', '', ''],
        ['', 'Họ và tên', 'Số ĐDCN', 'Họ và tên', 'Năm sinh', 'Quan hệ với chủ hộ', 'Số ĐDCN'],
        ['1', 'Giàng A Páo', '011080001234', 'Vừ Thị Dợ', '1982', 'Vợ', ''],
      ],
      rowIndexes: [0, 1],
      columns: ['0:seq', '1:household_head', '3:full_name', '4:birth_date', '5:relation_to_head', '6:personal_id'],
    },
  ])('$name', ({ grid, rowIndexes, columns }) => {
    const found = detectHeader(rows(grid));
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.rowIndexes).toEqual(rowIndexes);
    expect(describeColumns(found.columns)).toEqual(columns);
  });

  it('reports a header-like row without a name column', () => {
    expect(detectHeader(rows([['x'], ['Số sổ HK', 'Địa chỉ', 'Chủ hộ']]))).toEqual({ kind: 'no_name_column', rowNumber: 2 });
  });

  it('looks only at the first 30 non-blank rows', () => {
    const filler = Array.from({ length: 30 }, (_, i) => [`Dòng thuyết minh số ${i + 1}`]);
    expect(detectHeader(rows([...filler, ['Họ và tên', 'Năm sinh']]))).toEqual({ kind: 'no_header' });
  });
});

describe('continuesHeader', () => {
  it.each<[string[], string[], boolean]>([
    [['Họ và tên', 'Năm sinh', ''], ['', 'Nam', 'Nữ'], true],
    [['Họ và tên', 'Năm sinh', 'Năm sinh'], ['Họ và tên', 'Nam', 'Nữ'], true],
    [['Họ và tên', 'Năm sinh'], ['Họ và tên', 'Năm sinh'], false],
    [['STT', 'Họ và tên'], ['1', '2'], false],
    [['Họ và tên', 'Năm sinh'], ['Lò Văn Pánh', '1968'], false],
  ])('%j over %j → %s', (parent, child, yes) => expect(continuesHeader(parent, child)).toBe(yes));
});
