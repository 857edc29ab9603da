import { describe, expect, it } from 'vitest';
import { person } from './engine/test-person.js';
import { mergePersonValues } from './merge-person-values.js';

describe('mergePersonValues: other names', () => {
  it.each([
    // A book writing the person under her other name: that name becomes an other name, hers is not copied onto her.
    ['Nguyễn Thị Lan', null, 'Nguyễn Thị Mơ', 'Nguyễn Thị Lan', 'Nguyễn Thị Mơ'],
    ['Giàng A Páo', null, 'Giang A Dinh', 'Giang A Pao', 'Giang A Dinh'],
    // Both know other names: all are kept once, folded duplicates dropped.
    ['Lò Văn Pánh', 'Pánh Nhỏ', 'Lò Văn Pánh', 'Panh Nho, Lò Văn Páo', 'Pánh Nhỏ, Lò Văn Páo'],
    // A plain copy with the other name the person already has, or none: unchanged.
    ['Sùng Thị Xá', 'Sùng Thị Dợ', 'Sung Thi Xa', null, 'Sùng Thị Dợ'],
    ['Sùng Thị Xá', null, 'Sùng Thị Xá', null, null],
    // A typo of the name is not an other name.
    ['Lèo Thị Hiên', null, 'Lèo Thị Hiê', null, null],
  ])('%s (%s) + %s (%s) → %s', (name, other, inName, inOther, expected) => {
    const merged = mergePersonValues(person({ full_name: name, other_name: other }), person({ full_name: inName, other_name: inOther }));
    expect(merged.other_name).toBe(expected);
    expect(merged.full_name).toBe(name);
  });
});
