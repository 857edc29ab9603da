import { ETHNIC_GROUPS } from '../normalize/data/ethnic-groups.js';

/**
 * Words typed again and again in household lists (ethnic groups, relations, sex, religion, nationality). A cell
 * whose text reads as Vietnamese both as it stands and as TCVN3/VNI is a tie; when the text as it stands is made of
 * these words and the legacy reading is not ("Thái" vs "Thỏi"), the cell was typed in Unicode inside a legacy line.
 */
const COMMON_WORDS = new Set(
  [
    ...ETHNIC_GROUPS.flatMap((g) => [g.name, ...g.variants]),
    'Chủ hộ', 'Vợ', 'Chồng', 'Con', 'Con đẻ', 'Con nuôi', 'Con dâu', 'Con rể', 'Con trai', 'Con gái', 'Cháu', 'Chắt',
    'Bố', 'Mẹ', 'Cha', 'Anh', 'Chị', 'Em', 'Ông', 'Bà', 'Nam', 'Nữ', 'Không', 'Phật giáo', 'Công giáo', 'Tin lành',
    'Việt Nam', 'Làm ruộng', 'Học sinh', 'Nông dân', 'Kinh', 'Mèo', 'Thái Đen', 'Thái Trắng',
  ].flatMap((phrase) => phrase.toLowerCase().normalize('NFC').split(/\s+/)),
);

/**
 * True when every word of the text is a common household-list word.
 *
 * @example
 * isCommonWordsText('Thái') // true
 * isCommonWordsText('Thỏi') // false
 */
export function isCommonWordsText(text: string): boolean {
  const words = text.normalize('NFC').toLowerCase().split(/[\s,;/()-]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => COMMON_WORDS.has(w));
}
