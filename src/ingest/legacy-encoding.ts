/**
 * Legacy Vietnamese font encodings in text that has already become Unicode the wrong way: old .xls files
 * typed with the ABC (TCVN3, .VnTime) or VNI (VNI-Times) keyboard drivers hold the *cp1252 characters* of
 * the legacy bytes ("NguyÔn" / "Nguyeãn" for "Nguyễn"). This module detects and converts such text.
 */
import { isCommonWordsText } from './legacy-common-words.js';
import { tcvn3ToUnicode, vniToUnicode } from './legacy-convert.js';
import { scoreLegacyText } from './legacy-score.js';
import type { LegacyScores } from './legacy-score.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** A legacy reading must beat the text-as-is by at least one whole word turning into Vietnamese. */
const MIN_MARGIN = 2;
const NON_ASCII = /[^\x00-\x7f]/;
// Cells of a delimited line: the same units as the TCVN3 converter's capitals context.
const LINE_SPLIT = /(\r\n|\n|\r)/;
const CELL_SPLIT = /([\t,;"|]+)/;

function bestLegacy(s: LegacyScores): LegacyEncoding {
  return s.vni > s.tcvn3 ? 'vni' : 'tcvn3';
}

/**
 * Which legacy font encoding a cp1252-decoded text looks typed in, or null for real Unicode / plain ASCII.
 * Works on one short cell as well as on a whole file (more words, more evidence).
 * @example detectLegacyEncoding('NguyÔn V¨n A') // 'tcvn3'
 * @example detectLegacyEncoding('Nguyeãn Vaên A') // 'vni'
 * @example detectLegacyEncoding('Nguyễn Văn Ánh') // null
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!NON_ASCII.test(text)) return null;
  return verdict(scoreLegacyText(text));
}

/**
 * Converts cp1252-view text typed in TCVN3 (ABC/.VnTime) or VNI (VNI-Times) to Unicode NFC.
 * capitals: the text was typed in a TCVN3 "H" capital font (.VnTimeH): return it in capitals.
 * Without it, TCVN3 words typed in capitals are still recognised ("NGUYÔN" → "NGUYỄN").
 * @example convertLegacyText('M\u00ADêng Ch¶', 'tcvn3') // 'Mường Chả'
 * @example convertLegacyText('l\u00DF v\u00A8n p\u00B8nh', 'tcvn3', { capitals: true }) // 'LÒ VĂN PÁNH'
 */
export function convertLegacyText(text: string, encoding: LegacyEncoding, options?: { capitals?: boolean }): string {
  const capitals = options?.capitals === true;
  if (encoding === 'tcvn3') return tcvn3ToUnicode(text, capitals);
  const out = vniToUnicode(text);
  return capitals ? out.toUpperCase() : out;
}

/**
 * detect + convert when detected; otherwise just NFC. Leaves real Unicode Vietnamese untouched.
 * @example repairLegacyText('Quaøng Thò Öng') // 'Quàng Thị Ưng'
 * @example repairLegacyText('Lò Thị Ún') // 'Lò Thị Ún'
 */
export function repairLegacyText(text: string): string {
  const enc = detectLegacyEncoding(text);
  return enc === null ? text.normalize('NFC') : convertLegacyText(text, enc);
}

const other = (enc: LegacyEncoding): LegacyEncoding => (enc === 'tcvn3' ? 'vni' : 'tcvn3');

/** The legacy encoding that wins `s` by the margin, or null. */
function verdict(s: LegacyScores): LegacyEncoding | null {
  const enc = bestLegacy(s);
  return s[enc] - s.unicode >= MIN_MARGIN ? enc : null;
}

/**
 * Repairs a whole document (a CSV or text file already decoded to Unicode) in which some or all cells are
 * legacy text. Cells that read as Vietnamese both ways ("Thò" is a name, and VNI for "Thị") follow their
 * line, and the line follows the file; a cell or line with letters only Unicode has (ư, ễ, đ) is Unicode.
 * So a Unicode header over TCVN3 data, or rows pasted from an old .xls into a Unicode file, both come out right.
 * @returns the text (NFC) and the file's legacy encoding, or null when the file is not mainly legacy text.
 * @example repairLegacyDocument('Họ và tên,Dân tộc\nLß V¨n P¸nh,Th¸i\n') // { text: 'Họ và tên,Dân tộc\nLò Văn Pánh,Thái\n', encoding: 'tcvn3' }
 */
export function repairLegacyDocument(text: string): { text: string; encoding: LegacyEncoding | null } {
  if (!NON_ASCII.test(text)) return { text, encoding: null };
  const fileEnc = verdict(scoreLegacyText(text));
  const lines = text.split(LINE_SPLIT);
  let changed = false;
  for (let l = 0; l < lines.length; l += 2) {
    if (!NON_ASCII.test(lines[l])) continue;
    const ls = scoreLegacyText(lines[l]);
    const lineEnc = verdict(ls) ?? (ls.unicodeOnlyWords > 0 ? null : fileEnc);
    const cells = lines[l].split(CELL_SPLIT);
    for (let i = 0; i < cells.length; i += 2) {
      const cell = cells[i];
      if (!NON_ASCII.test(cell)) continue;
      const s = scoreLegacyText(cell);
      // The line's encoding wins every tie ("Moâng" is Mông in VNI and Mõng in TCVN3).
      const followsLine =
        lineEnc !== null && s.unicodeOnlyWords === 0 && s[lineEnc] >= s.unicode && s[lineEnc] >= s[other(lineEnc)] &&
        // …unless the cell as it stands is a common word that the legacy reading would turn into another ("Thái").
        !(s.unicode >= s[lineEnc] && isCommonWordsText(cell) && !isCommonWordsText(convertLegacyText(cell, lineEnc)));
      const enc = followsLine ? lineEnc : verdict(s);
      if (enc !== null) {
        cells[i] = convertLegacyText(cell, enc);
        changed = true;
      }
    }
    lines[l] = cells.join('');
  }
  return { text: (changed ? lines.join('') : text).normalize('NFC'), encoding: fileEnc };
}
