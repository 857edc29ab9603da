import type { Issue } from '../normalize/issue.js';
import { toneKey } from '../normalize/vietnamese-text.js';

/** Unit words written before a place name ("xã Thanh Minh", "H. Điện Biên", "TP Điện Biên Phủ"). */
const UNIT_WORD_RE = /^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|tp\.?|tx\.?|tt\.?|h\.|x\.|t\.|p\.|q\.)\s*/iu;
/** Parts below the commune: not in the gazetteer, left to the address checks. */
const BELOW_COMMUNE_RE = /^(?:bản|thôn|tổ|xóm|đội|khối|ấp|số nhà|sn|khu|tiểu khu|làng|phố|đường|ngõ|ngách|hẻm|kiệt|tdp|kp)(?![\p{L}])/iu;

/**
 * Birthplace and native place read from a scan are names of administrative units ("Xã Quảng Lâm, Mường Nhé,
 * Điện Biên"); the address coder forgives a wrong mark, so a misreading such as "Quảng Lôm" or "Điền Biên" would
 * be stored as written. Each part must be a known unit name with all its diacritics; hamlets and numbers are
 * not checked. Old province names and places abroad also go to review: a reviewer confirms them in seconds.
 *
 * @example
 * placeNameIssue('native_place', 'Quảng Lôm, Mường Nhé, Điện Biên', placeNameIndex(units).names) // review issue naming "Quảng Lôm"
 */
export function placeNameIssue(field: string, text: string, known: { has(key: string): boolean }): Issue | null {
  const unknown: string[] = [];
  for (const rawPart of text.split(/\s*(?:,|;| - | – )\s*/u)) {
    const part = rawPart.replace(UNIT_WORD_RE, '').trim();
    if (part === '' || BELOW_COMMUNE_RE.test(rawPart.trim()) || /\d/.test(part)) continue;
    if (!known.has(toneKey(part))) unknown.push(part);
  }
  if (unknown.length === 0) return null;
  return {
    field,
    code: 'ocr_place_unknown',
    severity: 'review',
    message: `Địa danh không có trong danh mục đơn vị hành chính, có thể đọc sai dấu (${unknown.join(', ')}): '${text}'`,
  };
}
