import { describe, expect, it } from 'vitest';
import { BookFamilyNames } from './book-family-names.js';

describe('BookFamilyNames', () => {
  const book = (...names: string[]): BookFamilyNames => {
    const b = new BookFamilyNames();
    for (const n of names) b.add(n);
    return b;
  };

  it("puts right a family name a mark or a letter from the book's", () => {
    const quang = book('Quàng Văn Pấng', 'Lò Thị Ín');
    expect(quang.guess('Quảng Thị Ngọc')).toBe('Quàng Thị Ngọc');
    expect(quang.guess('Quờng Văn Tiên')).toBe('Quàng Văn Tiên');
  });

  it("leaves a family name that is the book's, far from it, or near two of its names", () => {
    const b = book('Quàng Văn Pấng', 'Lò Thị Ín');
    expect(b.guess('Quàng Thị Ngọc')).toBeNull();
    expect(b.guess('Cầm Thị Dung')).toBeNull();
    expect(b.guess('Thị Phanh')).toBeNull();
    expect(b.guess('Ngọc')).toBeNull();
    // "Lỏ" is a mark from Lò and from Lô: no single family name to take.
    expect(book('Lò Văn Ơn', 'Lô Thị Say').guess('Lỏ Văn Nam')).toBeNull();
    // Two letters are only allowed a mark: Lý is not Lò.
    expect(book('Lò Văn Ơn').guess('Lý Văn Nam')).toBeNull();
  });

  it('knows nothing before a name is added', () => {
    expect(new BookFamilyNames().guess('Quảng Thị Ngọc')).toBeNull();
  });
});
