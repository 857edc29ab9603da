import { describe, it, expect } from 'vitest';
import { Rng } from '../synthetic/prng.js';
import type { BenchRow } from './bench-row.js';
import { benchCsv, bookDate } from './bench-row.js';
import * as c from './corrupt.js';
import { corruptRow } from './incoming-batch.js';

const base: BenchRow = {
  fullName: 'Hoàng Thị Hòa', birthDate: '1968-03-12', sex: 'F', ethnicity: 'Kinh', personalId: '034168004213', oldId: '040123456',
  bookNo: '1234567', relation: 'Vợ', address: 'Tổ 5, phường Him Lam, thành phố Điện Biên Phủ, tỉnh Điện Biên', otherName: null,
};
const named = (fullName: string): BenchRow => ({ ...base, fullName });

describe('tone placement', () => {
  it.each([
    ['Nguyễn Thị Hòa', 'Nguyễn Thị Hoà'],
    ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa'],
    ['Lê Thị Thủy', 'Lê Thị Thuỷ'],
    ['Lê Thị Thuỷ', 'Lê Thị Thủy'],
    ['Trần Văn Khỏe', 'Trần Văn Khoẻ'],
    ['Phạm Thị Thúy Hòa', 'Phạm Thị Thuý Hoà'],
  ])('%s → %s', (from, to) => {
    expect(c.otherTonePlacement(named(from))?.fullName).toBe(to.normalize('NFC'));
  });

  it.each(['Lò Văn Pánh', 'Nguyễn Văn Toàn', 'Trần Văn Quý', 'Giàng A Páo', 'Nguyễn Văn Khoa'])('%s has one placement only', (name) => {
    expect(c.otherTonePlacement(named(name))).toBeNull();
  });
});

describe('name corruptions', () => {
  it.each([
    ['Nguyễn Đức Hùng', 'Nguyen Duc Hung'],
    ['Quàng Thị Ún', 'Quang Thi Un'],
    ['Mùa Thị Mỷ', 'Mua Thi My'],
  ])('diacritics dropped: %s → %s', (from, to) => {
    expect(c.dropDiacritics({ ...named(from), otherName: from }).fullName).toBe(to);
  });

  it.each([
    ['Hoàng Văn Nam', 'Huỳnh Văn Nam'],
    ['Huỳnh Thị Lan', 'Hoàng Thị Lan'],
    ['Vũ Đức Long', 'Võ Đức Long'],
    ['Võ Thị Mai', 'Vũ Thị Mai'],
  ])('surname variant: %s → %s', (from, to) => {
    expect(c.surnameVariant(named(from))?.fullName).toBe(to);
  });

  it('leaves other family names alone', () => {
    expect(c.surnameVariant(named('Lò Văn Pánh'))).toBeNull();
  });

  it('a typo changes one word, never the family name, by at most two characters', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const out = c.typo(named('Nguyễn Văn Thắng'), rng).fullName.split(' ');
      expect(out[0]).toBe('Nguyễn');
      const changed = out.filter((w, j) => w !== ['Nguyễn', 'Văn', 'Thắng'][j]);
      expect(changed.length).toBeLessThanOrEqual(1);
    }
  });

  it('written under the other name keeps the registry name as tên gọi khác', () => {
    const out = c.writtenUnderOtherName({ ...named('Giàng A Páo'), otherName: 'Giàng A Dính' }, new Rng(1), ['Páo', 'Dính']);
    expect(out).toMatchObject({ fullName: 'Giàng A Dính', otherName: 'Giàng A Páo' });
  });
});

describe('date and ID corruptions', () => {
  it.each([
    ['1968-03-12', '1968-12-03'],
    ['2001-11-05', '2001-05-11'],
    ['1968-03-25', null],
    ['1968-04-04', null],
    ['1968-03', null],
    ['1968', null],
  ])('day/month swap of %s → %s', (from, to) => {
    expect(c.swapDayMonth({ ...base, birthDate: from })?.birthDate ?? null).toBe(to);
  });

  it.each([['1968-03-12', '1968'], ['1968-03', '1968'], ['1968', null]])('year only of %s → %s', (from, to) => {
    expect(c.yearOnly({ ...base, birthDate: from })?.birthDate ?? null).toBe(to);
  });

  it('an ID typo keeps the province, sex/century and year digits and changes exactly one serial digit', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 100; i++) {
      const id = c.personalIdTypo(base, rng)!.personalId!;
      expect(id.slice(0, 6)).toBe('034168');
      expect([...id].filter((d, j) => d !== base.personalId![j])).toHaveLength(1);
    }
    expect(c.personalIdTypo({ ...base, personalId: null }, rng)).toBeNull();
  });

  it('dropping IDs blanks both numbers', () => {
    expect(c.dropIds(base)).toMatchObject({ personalId: null, oldId: null });
    expect(c.dropIds({ ...base, personalId: null, oldId: null })).toBeNull();
  });
});

describe('corruptRow', () => {
  it('names exactly the corruptions that changed something, and is seeded', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const a = corruptRow(new Rng(seed), base), b = corruptRow(new Rng(seed), base);
      expect(a).toEqual(b);
      if (a.corruptions.length === 0) expect(a.row).toEqual(base);
      if (a.corruptions.includes('ids_dropped')) expect(a.row.personalId).toBeNull();
      if (!a.corruptions.some((t) => ['surname_variant', 'tone_placement', 'typo', 'diacritics_dropped', 'upper_case', 'other_name'].includes(t)))
        expect(a.row.fullName).toBe(base.fullName);
    }
  });
});

describe('bench CSV', () => {
  it.each([['1968-03-12', '12/03/1968'], ['1968-03', '03/1968'], ['1968', '1968']])('book date %s → %s', (iso, text) => {
    expect(bookDate(iso)).toBe(text);
  });

  it('quotes the address and puts row i on line i + 2', () => {
    const lines = benchCsv([base, named('Lò Văn Pánh')]).split('\n');
    expect(lines[0]).toBe('Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh,Số CMND,Số sổ HK,Quan hệ với chủ hộ,Địa chỉ,Tên gọi khác');
    expect(lines[1]).toBe('Hoàng Thị Hòa,12/03/1968,Nữ,Kinh,034168004213,040123456,1234567,Vợ,"Tổ 5, phường Him Lam, thành phố Điện Biên Phủ, tỉnh Điện Biên",');
    expect(lines[2].startsWith('Lò Văn Pánh,')).toBe(true);
  });
});
