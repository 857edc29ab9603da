import { memoize } from '../normalize/memoize.js';

/**
 * Folded comparison key for header cells: what "Họ và tên", "HỌ VÀ TÊN", "Ho va ten" and "Họ và\ntên:"
 * have in common. Lower case, no diacritics, đ→d, every run of punctuation or space becomes one space.
 *
 * @example
 * foldHeader('Ngày, tháng,\nnăm sinh'); // 'ngay thang nam sinh'
 * foldHeader('Số CMND/CCCD');           // 'so cmnd cccd'
 */
// Cell values repeat a lot (relations, sexes, ethnicities, communes): fold each distinct one once.
export const foldHeader: (text: string) => string = memoize(fold, 50_000);

function fold(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // đ/Đ do not decompose; U+00D0 (Ð) and U+0189 (Ɖ) come out of some legacy conversions.
      .replace(/[đĐ\u00d0\u0189]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}

/**
 * The folded key of a header cell with parenthesised remarks removed: "(chữ in hoa)", "(nếu có)",
 * "(dd/mm/yyyy)", "(1)" say how to fill the column, not what it holds.
 *
 * @example
 * foldHeaderCore('Họ và tên (chữ in hoa)'); // 'ho va ten'
 */
export function foldHeaderCore(text: string): string {
  return foldHeader(text.replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' '));
}
