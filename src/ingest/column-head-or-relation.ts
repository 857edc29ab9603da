import { foldHeader } from './header-fold.js';

/** Words relations are made of: "Chủ hộ", "Vợ", "Con trai", "Cháu nội", "Bố vợ", "Người ở nhờ"… */
const RELATION_WORDS = new Set([
  'chu', 'ho', 'ch', 'vo', 'chong', 'con', 'trai', 'gai', 'de', 'nuoi', 'dau', 're', 'rieng', 'ruot', 'chau',
  'noi', 'ngoai', 'chat', 'bo', 'me', 'cha', 'ong', 'ba', 'anh', 'chi', 'em', 'co', 'di', 'bac', 'thim', 'mo',
  'cau', 'o', 'nho', 'nguoi', 'ghep', 'khac', 'ban', 'than', 'cu', 'ke', 'duong', 'thu', 'ca', 'ut', 'cac',
]);

const MARK = /^(x|v|✓|✔|\*|\+|1|c|co|có)$/i;

/** True for a check mark someone put in a "Chủ hộ" or "Nam"/"Nữ" column. */
export function isMark(value: string): boolean {
  return MARK.test(value.trim());
}

/** True when the value reads as a relation to the head ("Vợ", "Con đẻ", "Chủ hộ") rather than a name. */
export function isRelationWord(value: string): boolean {
  const words = foldHeader(value).split(' ').filter((w) => w !== '' && !/^\d+$/.test(w));
  return words.length > 0 && words.length <= 4 && words.every((w) => RELATION_WORDS.has(w));
}

/**
 * Decides what a bare "Chủ hộ" column holds from its values: check marks on the head's row, relations
 * ("Chủ hộ", "Vợ", "Con"), or the head's name written on members' rows.
 *
 * @example
 * headOrRelationByValues(['Chủ hộ', 'Vợ', 'Con']);          // 'relation_to_head'
 * headOrRelationByValues(['Lò Văn Pánh', 'Lò Văn Pánh']);   // 'household_head'
 * headOrRelationByValues(['x', '', '', 'x']);               // 'head_mark'
 */
export function headOrRelationByValues(values: string[]): 'relation_to_head' | 'household_head' | 'head_mark' {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 0) return 'household_head';
  if (filled.filter(isMark).length >= filled.length * 0.8) return 'head_mark';
  return filled.filter(isRelationWord).length * 2 >= filled.length ? 'relation_to_head' : 'household_head';
}
