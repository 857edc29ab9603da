/**
 * Turns the bytes of a text/CSV file from a Vietnamese office into Unicode NFC text, whatever it was saved
 * as: UTF-8 (with or without BOM), UTF-16 (Excel "Unicode text", with or without BOM), Windows-1258
 * (Excel "CSV" on Vietnamese Windows), or raw TCVN3 / VNI bytes from the old font drivers. Legacy text
 * inside a Unicode file (cells pasted from an old .xls) is converted too.
 */
import { cp1252ViewToCp1258, tcvn3ToUnicode, vniToUnicode } from './legacy-convert.js';
import { repairLegacyDocument } from './legacy-encoding.js';
import { scoreLegacyText } from './legacy-score.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

const UTF16_SAMPLE = 4096;

/** UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), UTF16_SAMPLE);
  if (n < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && oddNul > evenNul * 4) return 'utf-16le';
  if (evenNul > pairs * 0.3 && evenNul > oddNul * 4) return 'utf-16be';
  return null;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Single-byte file: read it as Windows-1258, TCVN3 and VNI and keep the reading with the most Vietnamese words. */
function decodeSingleByte(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const view = new TextDecoder('windows-1252').decode(bytes);
  const s = scoreLegacyText(view);
  // Ties go to Windows-1258: it is what Excel writes, and it is right for Latin-1-only text too.
  if (s.tcvn3 > s.cp1258 && s.tcvn3 >= s.vni) return { text: tcvn3ToUnicode(view), encoding: 'tcvn3' };
  if (s.vni > s.cp1258 && s.vni > s.tcvn3) return { text: vniToUnicode(view), encoding: 'vni' };
  return { text: cp1252ViewToCp1258(view), encoding: 'windows-1258' };
}

/** A Unicode file may still hold legacy text (the cp1252 view of TCVN3/VNI bytes): convert it. */
function withLegacyRepair(text: string, encoding: TextEncodingName): { text: string; encoding: TextEncodingName } {
  const repaired = repairLegacyDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return { text: repaired.text, encoding: repaired.encoding ?? encoding };
}

/**
 * Decodes a text file to NFC. `encoding` names what the text was typed in: the legacy font encoding when the
 * content was TCVN3/VNI (even inside a UTF-8 or UTF-16 file), otherwise the byte encoding.
 * @example decodeTextFile(new Uint8Array([0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e])) // { text: 'Nguyễn', encoding: 'tcvn3' }
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // Some tools stamp a UTF-8 BOM on a file they never re-encoded (Windows-1258 or TCVN3 bytes after it):
    // bytes that are not UTF-8 are read as the single-byte file they are.
    const rest = bytes.subarray(3);
    const utf8 = tryUtf8(rest);
    return utf8 !== null ? withLegacyRepair(utf8, 'utf-8') : decodeSingleByte(rest);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return withLegacyRepair(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return withLegacyRepair(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null) return withLegacyRepair(new TextDecoder(utf16).decode(bytes), utf16);
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return withLegacyRepair(utf8, 'utf-8');
  return decodeSingleByte(bytes);
}
