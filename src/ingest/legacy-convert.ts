/**
 * Character-level converters from the cp1252 view of legacy Vietnamese text to Unicode.
 * Every converter is one left-to-right pass with table lookups (files can be 100k rows).
 */
import { TCVN3_TO_UNICODE, TCVN3_TO_UNICODE_CAPITAL, VNI_TO_UNICODE } from './legacy-encoding-tables.js';

/** Index the TCVN3 table by char code: every ABC byte is ≥ 0xA1, where cp1252 and Latin-1 agree. */
function byCode(table: Readonly<Record<string, string>>): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(256).fill(undefined);
  for (const [k, v] of Object.entries(table)) out[k.charCodeAt(0)] = v;
  return out;
}
const TCVN3_LOWER = byCode(TCVN3_TO_UNICODE);
const TCVN3_CAPITAL = byCode(TCVN3_TO_UNICODE_CAPITAL);

/** TCVN3 bytes 0xA1–0xA7: Ă Â Ê Ô Ơ Ư Đ, the only capitals with their own code. */
const isTcvn3OwnCapital = (c: number): boolean => c >= 0xa1 && c <= 0xa7;

/** True when the char (code) is a TCVN3 letter byte in its cp1252 view. */
export function isTcvn3Letter(code: number): boolean {
  return code < 256 && TCVN3_LOWER[code] !== undefined;
}

// The units inside which all-caps context is shared: a cell of a CSV/TSV line, or a line.
const SEGMENT_SPLIT = /([\r\n\t,;"|]+)/;
const WORD_SPLIT = /(\s+)/;

interface WordCase {
  lowerAscii: number;
  capitals: number; // upper-case ASCII letters plus own-code TCVN3 capitals
}

function wordCase(word: string): WordCase {
  let lowerAscii = 0;
  let capitals = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) lowerAscii++;
    else if ((c >= 0x41 && c <= 0x5a) || isTcvn3OwnCapital(c)) capitals++;
  }
  return { lowerAscii, capitals };
}

function mapTcvn3(word: string, table: (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    out += (c < 256 ? table[c] : undefined) ?? word[i];
  }
  return out;
}

/**
 * TCVN3 (ABC) → Unicode. TCVN3 has one byte for "ễ" and "Ễ", so case is guessed: a word typed in capitals
 * ("NGUYÔN" → "NGUYỄN"), or every word of a cell where no word has a lower-case ASCII letter
 * ("Lß V¡N P¸NH" → "LÒ VĂN PÁNH"), is upper-cased; `capitals` (the text was in a .VnTimeH font) upper-cases all.
 * @example tcvn3ToUnicode('NguyÔn V¨n A') // 'Nguyễn Văn A'
 */
export function tcvn3ToUnicode(text: string, capitals = false): string {
  if (capitals) return mapTcvn3(text, TCVN3_CAPITAL).toUpperCase().normalize('NFC');
  const segments = text.split(SEGMENT_SPLIT);
  for (let s = 0; s < segments.length; s += 2) {
    const words = segments[s].split(WORD_SPLIT);
    const cases: WordCase[] = [];
    let anyLower = false;
    let anyAllCaps = false;
    for (let w = 0; w < words.length; w += 2) {
      const wc = wordCase(words[w]);
      cases.push(wc);
      if (wc.lowerAscii > 0) anyLower = true;
      else if (wc.capitals >= 2) anyAllCaps = true;
    }
    const segmentCaps = anyAllCaps && !anyLower;
    for (let w = 0; w < words.length; w += 2) {
      const wc = cases[w / 2];
      const converted = mapTcvn3(words[w], TCVN3_LOWER);
      const caps = wc.lowerAscii === 0 && (segmentCaps || wc.capitals >= 2);
      words[w] = caps ? converted.toUpperCase() : converted;
    }
    segments[s] = words.join('');
  }
  return segments.join('').normalize('NFC');
}

/* VNI: base letter + one mark byte, or a single byte (Ñ = Đ, Ô = Ơ, Ö = Ư …). Two-char keys go in one map;
 * hand-edited files mix the upper and lower mark sets ("Aù"), so the other case's mark is accepted too,
 * the base letter giving the case. */
const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLES = new Map<string, string>();
for (const [k, v] of VNI_TO_UNICODE) (k.length === 2 ? VNI_PAIRS : VNI_SINGLES).set(k, v);
for (const [k, v] of VNI_TO_UNICODE) {
  if (k.length !== 2) continue;
  const mark = k.charCodeAt(1);
  const other = mark >= 0xe0 ? mark - 0x20 : mark >= 0xc0 ? mark + 0x20 : 0;
  const key = k[0] + String.fromCharCode(other);
  if (other !== 0 && !VNI_PAIRS.has(key)) {
    const baseUpper = k[0] !== k[0].toLowerCase();
    VNI_PAIRS.set(key, baseUpper ? v.toUpperCase() : v.toLowerCase());
  }
}

/** True when `pair` (two chars) is a VNI letter; used by detection to count VNI-looking pairs. */
export function isVniPair(pair: string): boolean {
  return VNI_PAIRS.has(pair);
}

/**
 * VNI-Windows → Unicode by greedy longest match (two chars, then one).
 * @example vniToUnicode('Nguyeãn Vaên A') // 'Nguyễn Văn A'
 */
export function vniToUnicode(text: string): string {
  const parts: string[] = [];
  let plainStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xc0) {
      const hit = VNI_PAIRS.get(text.substr(i, 2));
      if (hit !== undefined) {
        parts.push(text.slice(plainStart, i), hit);
        plainStart = i + 2;
        i++;
        continue;
      }
    }
    if (code >= 0xc0) {
      // a single-byte letter may itself carry a mark: "ôù" = ớ, "öø" = ừ
      const pair = i + 1 < text.length ? VNI_PAIRS.get(text.substr(i, 2)) : undefined;
      const hit = pair ?? VNI_SINGLES.get(text[i]);
      if (hit !== undefined) {
        parts.push(text.slice(plainStart, i), hit);
        plainStart = i + (pair !== undefined ? 2 : 1);
        if (pair !== undefined) i++;
      }
    }
  }
  parts.push(text.slice(plainStart));
  return parts.join('').normalize('NFC');
}

/* cp1252 view → Windows-1258, char by char (both are single-byte; only the upper half differs). */
const CP1252_TO_CP1258 = new Map<string, string>();
{
  const bytes = new Uint8Array(128).map((_, i) => 0x80 + i);
  const v1252 = new TextDecoder('windows-1252').decode(bytes);
  const v1258 = new TextDecoder('windows-1258').decode(bytes);
  for (let i = 0; i < 128; i++) if (v1252[i] !== v1258[i]) CP1252_TO_CP1258.set(v1252[i], v1258[i]);
}

/**
 * Re-reads the cp1252 view of bytes as Windows-1258 (tones as combining marks), then NFC.
 * @example cp1252ViewToCp1258('Nguyêxn'.replace('x', '\u00DE')) // 'Nguyễn'
 */
export function cp1252ViewToCp1258(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    out += text.charCodeAt(i) >= 0x80 ? (CP1252_TO_CP1258.get(ch) ?? ch) : ch;
  }
  return out.normalize('NFC');
}
