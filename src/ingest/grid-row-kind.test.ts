import { describe, it, expect } from 'vitest';
import { classifyRow, type RowKind } from './grid-row-kind.js';

const HEADER = [['STT', 'Họ và tên', 'Năm sinh', 'Dân tộc', 'Ghi chú']];

describe('classifyRow', () => {
  it.each<[string[], RowKind]>([
    [['', ' ', '', '', ''], 'blank'],
    [['1', '2', '3', '4', '5'], 'numbering'],
    [['(1)', '(2)', '(3)', '(4)', '(5)'], 'numbering'],
    [['A', 'B', '1', '2', '3'], 'numbering'],
    [['1', '2', '1', '', ''], 'content'], // not increasing: a data row
    [['STT', 'Họ và tên', 'Năm sinh', 'Dân tộc', 'Ghi chú'], 'repeated_header'],
    [['stt', 'HO VA TEN', 'NAM SINH', '', ''], 'repeated_header'],
    [['', 'Tổng cộng: 125 nhân khẩu', '', '', ''], 'totals'],
    [['Cộng: 12 hộ', '', '', '', ''], 'totals'],
    [['', 'Cộng hộ: 5 khẩu', '', '', ''], 'totals'],
    [['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '', '', '', ''], 'title'],
    [['DANH SÁCH NHÂN KHẨU (tiếp theo)', 'DANH SÁCH NHÂN KHẨU (tiếp theo)', '', '', ''], 'title'],
    [['', 'Người lập biểu', '', 'Trưởng Công an xã', ''], 'footer'],
    [['', '(Ký, ghi rõ họ tên)', '', '', ''], 'footer'],
    [['', '', '', 'Mường Phăng, ngày 12 tháng 3 năm 2019', ''], 'footer'],
    [['', '', 'Ngày ..... tháng ..... năm 20...', '', ''], 'footer'],
    [['', 'T/M UBND XÃ', '', '', ''], 'footer'],
    [['Thôn Na Ngam', 'Thôn Na Ngam', 'Thôn Na Ngam', 'Thôn Na Ngam', 'Thôn Na Ngam'], 'section'],
    [['II', 'Bản Na Ngam', '', '', ''], 'section'],
    [['', 'Hộ ông Lò Văn Pánh', '', '', ''], 'section'],
    [['1', 'Bàn Văn Sơn', '', '', ''], 'content'], // Bàn is a Dao family name, not "bản"
    [['1', 'Tô Thị Hoa', '', '', ''], 'content'],
    [['1', 'Trương Văn Lâm', '1968', 'Kinh', ''], 'content'],
    [['2', 'Công Thị Lan', '1970', 'Kinh', ''], 'content'],
    [['3', 'Tống Văn Cộng', '1971', 'Kinh', ''], 'content'],
    [['', 'Lò Văn Tâm', '', '', ''], 'content'],
  ])('%j → %s', (cells, kind) => expect(classifyRow(cells, HEADER)).toBe(kind));
});
