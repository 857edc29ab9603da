import { describe, it, expect } from 'vitest';
import { parseGazetteerExport } from './gazetteer-file.js';
import type { Grid } from './source-record.js';

const grid = (rows: string[][], sheet: string | null = null): Grid => ({ sheet, rows: rows.map((cells, i) => ({ rowNumber: i + 1, cells })) });

describe('parseGazetteerExport', () => {
  it('reads the pre-2025 GSO export, restoring leading zeros and splitting type from name', () => {
    const { result, errors } = parseGazetteerExport([grid([
      ['DANH MỤC ĐƠN VỊ HÀNH CHÍNH'],
      ['Tỉnh / Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp'],
      ['Tỉnh Điện Biên', '11', 'Thành phố Điện Biên Phủ', '94', 'Phường Noong Bua', '3124', 'Phường'],
      ['Tỉnh Điện Biên', '11', 'Huyện Điện Biên', '100', 'Xã Thanh Xương', '3334', 'Xã'],
      ['Thành phố Hà Nội', '1', 'Quận Ba Đình', '1', 'Phường Phúc Xá', '1', 'Phường'],
    ])]);
    expect(errors).toEqual([]);
    expect(result?.kind).toBe('pre2025');
    if (result?.kind !== 'pre2025') return;
    expect(result.legacy.provinces.map((p) => [p.code, p.name])).toEqual([['11', 'Điện Biên'], ['01', 'Hà Nội']]);
    expect(result.legacy.districts.map((d) => [d.code, d.name, d.parent])).toEqual([['094', 'Điện Biên Phủ', '11'], ['100', 'Điện Biên', '11'], ['001', 'Ba Đình', '01']]);
    expect(result.legacy.communes[0]).toEqual({ code: '03124', name: 'Noong Bua', type: 'Phường', parent: '094' });
    expect(result.legacy.communes[2].code).toBe('00001');
  });

  it('reads the post-2025 two-level export (no district column)', () => {
    const { result } = parseGazetteerExport([grid([
      ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã'],
      ['11', 'Tỉnh Điện Biên', '03127', 'Phường Điện Biên Phủ'],
      ['11', 'Tỉnh Điện Biên', '3172', 'Xã Na Sang'],
    ])]);
    expect(result?.kind).toBe('post2025');
    if (result?.kind !== 'post2025') return;
    expect(result.current.communes).toEqual([
      { code: '03127', name: 'Điện Biên Phủ', type: 'Phường', parent: '11' },
      { code: '03172', name: 'Na Sang', type: 'Xã', parent: '11' },
    ]);
  });

  it.each([
    [[['Mã PX', 'Phường Xã', 'Mã QH']], 'thiếu cột Mã tỉnh (Mã TP), Tên tỉnh (Tỉnh / Thành Phố), Tên huyện (Quận Huyện)'],
    [[['Họ và tên', 'Ngày sinh']], 'Không tìm thấy dòng tiêu đề'],
    [[['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã'], ['11', 'Điện Biên', '03x27', 'Xã A']], 'Dòng 2: Mã xã (Mã PX) "03x27" không phải mã 5 chữ số'],
  ])('says in Vietnamese what is wrong (%#)', (rows, message) => {
    const { result, errors } = parseGazetteerExport([grid(rows as string[][])]);
    expect(result).toBeNull();
    expect(errors.join(' ')).toContain(message);
  });
});
