/**
 * Comparison keys and distances for matching printed labels in OCR text. OCR drops or swaps diacritics far
 * more often than it invents letters, so a diacritic slip costs a quarter of a letter error: "Ho va ten" is as
 * close to "Họ và tên" as "Họ và lên" is, and "Nam Định" stays far from "Năm sinh".
 */

const MARKS_RE = /\p{M}/gu;
const NOT_KEY_RE = /[^\p{L}\p{N}]/gu;

/** Cost of a letter read with other (or no) diacritics. */
export const DIACRITIC_COST = 0.25;

/**
 * The label key of a piece of text: lower case NFC letters and digits only (spaces and punctuation dropped,
 * so a label split or glued differently by OCR gives the same key).
 *
 * @example
 * labelKey('Ngày, tháng, năm sinh:'); // 'ngàythángnămsinh'
 */
export function labelKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(NOT_KEY_RE, '');
}

/**
 * A key character without its diacritics (đ → d).
 *
 * @example
 * baseChar('ữ'); // 'u'
 */
export function baseChar(ch: string): string {
  if (ch === 'đ') return 'd';
  return ch.normalize('NFD').replace(MARKS_RE, '');
}

/**
 * Distances between `label` and every prefix of `text` (index k = the first k characters of text), where a
 * character with other diacritics costs DIACRITIC_COST and other edits cost 1. Used to find where a label
 * that starts at a given word ends.
 *
 * @example
 * prefixDistances('hovaten', 'hovalennguyen')[7]; // 1 ('l' for 't')
 */
export function prefixDistances(label: string, text: string): Float64Array {
  const m = label.length;
  const n = text.length;
  const labelBase = [...label].map(baseChar);
  const textBase = [...text].map(baseChar);
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) prev[k] = k;
  for (let j = 1; j <= m; j++) {
    cur[0] = j;
    const a = label[j - 1];
    const aBase = labelBase[j - 1];
    for (let k = 1; k <= n; k++) {
      const b = text[k - 1];
      const sub = a === b ? 0 : aBase === textBase[k - 1] ? DIACRITIC_COST : 1;
      cur[k] = Math.min(prev[k - 1] + sub, prev[k] + 1, cur[k - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev;
}
