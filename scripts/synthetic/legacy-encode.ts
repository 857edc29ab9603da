/**
 * Encoders from Unicode to the legacy Vietnamese encodings offices still produce, built from the project's
 * master table `VIETNAMESE_LETTERS` (src/ingest/legacy-encoding-tables.ts) so that generator and reader
 * cannot drift apart.
 *
 * - `toTcvn3Text` / `toVniText`: the cp1252 *text* a spreadsheet shows for legacy bytes (XLSX cells).
 * - `encodeCp1252`: that text as bytes (legacy CSV files).
 * - `encodeCp1258`: Windows-1258 bytes, tones decomposed as Vietnamese Windows typed them.
 *
 * @example
 * toTcvn3Text('Nguyễn'); // 'NguyÔn'
 * toVniText('Nguyễn');   // 'Nguyeãn'
 * encodeCp1258('ễ');     // Buffer [0xEA, 0xDE]
 */
import { VIETNAMESE_LETTERS } from '../../src/ingest/legacy-encoding-tables.js';

const TCVN3 = new Map<string, string>();
const VNI = new Map<string, string>();
const CP1258 = new Map<string, number[]>();
for (const l of VIETNAMESE_LETTERS) {
  TCVN3.set(l.unicode, l.tcvn3);
  VNI.set(l.unicode, l.vni);
  CP1258.set(l.unicode, l.cp1258);
}

function mapText(text: string, table: Map<string, string>, name: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else {
      const m = table.get(ch);
      if (m === undefined) throw new Error(`${name}: cannot encode ${JSON.stringify(ch)}`);
      out += m;
    }
  }
  return out;
}

/** TCVN3 (ABC, .VnTime) as cp1252 text. Upper-case letters other than Ă Â Ê Ô Ơ Ư Đ share the lower-case byte. */
export function toTcvn3Text(text: string): string {
  return mapText(text, TCVN3, 'TCVN3');
}

/**
 * What a typist produced in a .VnTimeH (capitals) cell: the font draws capitals, so the bytes are the
 * lower-case codes; the case lives only in the font name.
 */
export function toTcvn3CapitalFontText(text: string): string {
  return mapText(text.normalize('NFC').toLowerCase(), TCVN3, 'TCVN3');
}

/** VNI-Windows (VNI-Times) as cp1252 text: base letter + mark byte(s). */
export function toVniText(text: string): string {
  return mapText(text, VNI, 'VNI');
}

/** The cp1252 bytes of text made only of Latin-1 characters outside 0x80–0x9F (what legacy text is). */
export function encodeCp1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff || (c >= 0x80 && c < 0xa0)) throw new Error(`cp1252: cannot encode U+${c.toString(16)}`);
    out[i] = c;
  }
  return out;
}

/** Windows-1258 bytes with decomposed tones. */
export function encodeCp1258(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) bytes.push(c);
    else {
      const m = CP1258.get(ch);
      if (m === undefined) throw new Error(`cp1258: cannot encode ${JSON.stringify(ch)}`);
      bytes.push(...m);
    }
  }
  return Buffer.from(bytes);
}

/** Strips Vietnamese diacritics ("Lò Văn Pánh" → "Lo Van Panh"), as typed on a keyboard without a Vietnamese driver. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}
