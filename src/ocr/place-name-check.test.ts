import { describe, expect, it } from 'vitest';
import { placeNameIssue } from './place-name-check.js';
import { placeNameIndex } from './place-snap.js';

const known = placeNameIndex(['Điện Biên', 'Mường Nhé', 'Quảng Lâm', 'Điện Biên Đông', 'Nong U', 'Thanh Hoá', 'Sín Thầu', 'Điện Biên Phủ'].map((name) => ({ name }))).names;

describe('placeNameIssue', () => {
  it.each([
    ['Xã Quảng Lâm, Mường Nhé, Điện Biên', null],
    ['Điện Biên', null],
    ['xã Sín Thầu - H. Mường Nhé - T. Điện Biên', null],
    ['TP Điện Biên Phủ, Điện Biên', null],
    ['Thanh Hóa', null], // the other tone placement
    ['Bản Nà Ngám, xã Quảng Lâm, Điện Biên', null],
    ['Số nhà 12, đường Võ Nguyên Giáp, TP Điện Biên Phủ', null],
    ['Bản Lọng Luông, xã Quảng Lâm, huyện Mường Nhé, tính Điện Biên', 'tính Điện Biên'],
    ['Quảng Lôm, Mường Nhé, Điện Biên', 'Quảng Lôm'],
    ['Điền Biên', 'Điền Biên'],
    ['Mong U, Điện Biên Đông, Điện Biên', 'Mong U'],
    ['Xã Nong U, Điện Biên Đông, Điên Biên', 'Điên Biên'],
  ])('%s → %s', (text, unknown) => {
    const issue = placeNameIssue('native_place', text, known);
    if (unknown === null) expect(issue).toBeNull();
    else expect(issue).toMatchObject({ field: 'native_place', code: 'ocr_place_unknown', severity: 'review', message: expect.stringContaining(unknown) });
  });
});
