import { describe, expect, it } from 'vitest';
import { placeNameIndex, snapPlaceNames } from './place-snap.js';

const index = placeNameIndex(
  ['Điện Biên', 'Điện Biên Đông', 'Điện Biên Phủ', 'Tủa Chùa', 'Huổi Só', 'Nong U', 'Tìa Dình', 'Quảng Lâm', 'Mường Nhé', 'Sơn La',
    'Nậm Pồ', 'Na Cô Sa', 'Pá Khoang', 'Tô Hiệu', 'Mường Lay', 'Lay Nưa', 'Nong Hẹ', 'Sín Chải', 'Sìn Thầu']
    .map((name) => ({ name })),
);

describe('snapPlaceNames', () => {
  it.each([
    ['Xã Huổi Só, Túa Chùa, Điện Biên', 'Xã Huổi Só, Tủa Chùa, Điện Biên'],
    ['Xã Huối Só, Tùa Chùa, Điện Biên', 'Xã Huổi Só, Tủa Chùa, Điện Biên'],
    ['Xong U, Điện Biên Đông, Diện Biên', 'Nong U, Điện Biên Đông, Điện Biên'],
    ['Quảng Lôm, Mường Nhé, Điền Biên', 'Quảng Lâm, Mường Nhé, Điện Biên'],
    ['XãTìa Dình, Điện Biên Đông, Điện Biên', 'Xã Tìa Dình, Điện Biên Đông, Điện Biên'],
    ['5øn La', 'Sơn La'],
    ['Thôn 2, xã Na Cô Sa, huyện Nộm Pồ, tỉnh Điện Biên', 'Thôn 2, xã Na Cô Sa, huyện Nậm Pồ, tỉnh Điện Biên'],
    ['Bản Lọng Luông, xã Pá Khoang, thành phố Điện Biên Phủ, tính Điện Biên', 'Bản Lọng Luông, xã Pá Khoang, thành phố Điện Biên Phủ, tỉnh Điện Biên'],
    ['Bán Huổi Sa, xã Huổi Só, huyện Tủa Chùa, tỉnh Điện Biên', 'Bản Huổi Sa, xã Huổi Só, huyện Tủa Chùa, tỉnh Điện Biên'],
    ['Đôi 6, xã Tìa Dình', 'Đội 6, xã Tìa Dình'],
    ['Sìn Chải', 'Sín Chải'],
  ])('%s → %s', (read, expected) => {
    expect(snapPlaceNames(read, index)).toBe(expected);
  });

  it.each([
    ['Xã Huổi Só, Tủa Chùa, Điện Biên'], // all known
    ['Tô Hiệu, Sơn La'], // a commune that starts like "Tổ"
    ['Bản Co Mỵ, xã Huổi Só'], // hamlets are not in the gazetteer: kept
    ['Số nhà 89'],
    ['Hà Nội'], // far from every known name
  ])('%s is left alone', (read) => {
    expect(snapPlaceNames(read, index)).toBeNull();
  });

  it('looks for a part among the units of the part after it first', () => {
    const tree = placeNameIndex([
      { name: 'Điện Biên' }, { name: 'Tủa Chùa', parentName: 'Điện Biên' }, { name: 'Tủa Thàng', parentName: 'Tủa Chùa' },
      { name: 'Na Thàng', parentName: 'Lào Cai' }, { name: 'Pa Thàng', parentName: 'Lai Châu' }, { name: 'Sín Thầu', parentName: 'Mường Nhé' },
      { name: 'Mường Nhé', parentName: 'Điện Biên' }, { name: 'Sìn Thầu', parentName: 'Sìn Hồ' },
    ]);
    expect(snapPlaceNames('Ta Thàng, Tủa Chùa, Điện Biên', tree)).toBe('Tủa Thàng, Tủa Chùa, Điện Biên');
    expect(snapPlaceNames('Ta Thàng', tree)).toBeNull(); // Na Thàng and Pa Thàng are one edit away too
    expect(snapPlaceNames('Xã Sm Thầu, Mường Nhé, Điện Biên', tree)).toBe('Xã Sín Thầu, Mường Nhé, Điện Biên');
  });

  it("looks for the last part among the run's province's units first, with one more edit among those few", () => {
    const tree = placeNameIndex([
      { name: 'Điện Biên' }, { name: 'Mường Lay', parentName: 'Điện Biên' }, { name: 'Mường Nhé', parentName: 'Điện Biên' },
      { name: 'Mường Lát', parentName: 'Thanh Hóa' },
    ]);
    expect(snapPlaceNames('À7/ường Lay', tree, 'Điện Biên')).toBe('Mường Lay');
    expect(snapPlaceNames('À7/ường Lay', tree)).toBeNull(); // three edits: too far without the province
  });

  it("completes the run's province cut short at the end of the line", () => {
    expect(snapPlaceNames('Bản Tà Cáng, xã Huổi Só, huyện Tủa Chùa, tỉnh Điện', index, 'Điện Biên')).toBe('Bản Tà Cáng, xã Huổi Só, huyện Tủa Chùa, tỉnh Điện Biên');
    expect(snapPlaceNames('Xã Huổi Só, Tủa Chùa, Điện', index, 'Điện Biên')).toBe('Xã Huổi Só, Tủa Chùa, Điện Biên');
    expect(snapPlaceNames('Xã Huổi Só, huyện Tủa Chùa, tính Điện', index, 'Điện Biên')).toBe('Xã Huổi Só, huyện Tủa Chùa, tỉnh Điện Biên');
    expect(snapPlaceNames('Xã Huổi Só, Tủa Chùa, tỉnh Điện', index)).toBeNull(); // no run province: not guessed
    expect(snapPlaceNames('Xã Huổi Só, Tủa Chùa, tỉnh Sơn', index, 'Điện Biên')).toBeNull(); // not the run's province
    expect(snapPlaceNames('Tủa Chùa, Điện Biên', index, 'Điện Biên')).toBeNull(); // whole
  });

  it("puts back the comma lost before a unit word inside a part, the word's marks put right", () => {
    expect(snapPlaceNames('Bản Hồng Lứu, xã Lay Nưa, thị xã Mường Lay tính Điện Biên', index)).toBe('Bản Hồng Lứu, xã Lay Nưa, thị xã Mường Lay, tỉnh Điện Biên');
    expect(snapPlaceNames('Bản Hồng Lứu xã Lay Nưa, thị xã Mường Lay tỉnh Điện Biên', index)).toBe('Bản Hồng Lứu, xã Lay Nưa, thị xã Mường Lay, tỉnh Điện Biên');
    expect(snapPlaceNames('Bản Hồng Lứu, xã Lay Nưa thị xã Mường Lay', index)).toBe('Bản Hồng Lứu, xã Lay Nưa, thị xã Mường Lay');
    expect(snapPlaceNames('Tổ 5 Thị trấn Tủa Chùa', index)).toBe('Tổ 5, Thị trấn Tủa Chùa');
  });

  it('puts back a comma lost between a name and the unit it lies in, or read as a period', () => {
    const tree = placeNameIndex([
      { name: 'Điện Biên' }, { name: 'Mường Lay', parentName: 'Điện Biên' }, { name: 'Lay Nưa', parentName: 'Mường Lay' },
      { name: 'Điện Biên Đông', parentName: 'Điện Biên' }, { name: 'Nong U', parentName: 'Điện Biên Đông' }, { name: 'Điện Biên Phủ', parentName: 'Điện Biên' },
    ]);
    expect(snapPlaceNames('Lay Nưa, Mường Lay Điện Biên', tree)).toBe('Lay Nưa, Mường Lay, Điện Biên');
    expect(snapPlaceNames('Lay Nưa Mường Lay Điện Biên', tree)).toBe('Lay Nưa, Mường Lay, Điện Biên');
    expect(snapPlaceNames('Xã Nong U. Điện Biên Đông, Điện Biên', tree)).toBe('Xã Nong U, Điện Biên Đông, Điện Biên');
    expect(snapPlaceNames('Xã Nong U. Điện Biên Đông. Điên Biên', tree)).toBe('Xã Nong U, Điện Biên Đông, Điện Biên');
    expect(snapPlaceNames('xã Lay Nưa thị xã Mường Lay tỉnh Điện Biên', tree)).toBe('xã Lay Nưa, thị xã Mường Lay, tỉnh Điện Biên');
    expect(snapPlaceNames('TP. Điện Biên Phủ, Điện Biên', tree)).toBeNull(); // an abbreviation's period
    expect(snapPlaceNames('Nong U Điện Biên', tree)).toBeNull(); // Nong U is not in Điện Biên itself
  });

  it("takes a part whose first word reads as a unit word as a name, when no known name follows the unit word", () => {
    const tree = placeNameIndex([{ name: 'Tuần Giáo' }, { name: 'Nà Tòng', parentName: 'Tuần Giáo' }, { name: 'Tòng Đậu', parentName: 'Tuần Giáo' }]);
    expect(snapPlaceNames('Xà Tòng, Tuần Giáo', tree)).toBe('Nà Tòng, Tuần Giáo');
    expect(snapPlaceNames('Xà Tòng Đậu, Tuần Giáo', tree)).toBe('Xã Tòng Đậu, Tuần Giáo');
    expect(snapPlaceNames('Xà Mường Mùn, Tuần Giáo', tree)).toBe('Xã Mường Mùn, Tuần Giáo'); // no name near: the unit word
  });

  it('leaves a unit word inside a part that no known name follows', () => {
    expect(snapPlaceNames('Bản Xã Nà, Tủa Chùa', index)).toBeNull(); // "Xã Nà" is a hamlet's name here
    expect(snapPlaceNames('Thị xã Mường Lay', index)).toBeNull();
  });

  it('tells two names equally near apart by the known part before, which lies in one of them', () => {
    const tree = placeNameIndex([
      { name: 'Điện Biên' }, { name: 'Mường Nhé', parentName: 'Điện Biên' }, { name: 'Mường Nhà', parentName: 'Điện Biên' },
      { name: 'Sín Thầu', parentName: 'Mường Nhé' },
    ]);
    expect(snapPlaceNames('Xã Sín Thầu, Mường Nhó, Điện Biên', tree)).toBe('Xã Sín Thầu, Mường Nhé, Điện Biên');
    expect(snapPlaceNames('Mường Nhó, Điện Biên', tree)).toBeNull();
    expect(snapPlaceNames('Xã Sín Thầu, Mường Nhó', tree)).toBe('Xã Sín Thầu, Mường Nhé');
  });

  it('leaves a name two known names are equally near', () => {
    const two = placeNameIndex([{ name: 'Nong U' }, { name: 'Nong Ư' }]);
    expect(snapPlaceNames('Mong U', two)).toBe('Nong U');
    expect(snapPlaceNames('Nong Ú', two)).toBeNull();
  });
});
