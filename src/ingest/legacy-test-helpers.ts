/**
 * Test helpers: write Unicode text the way the old font drivers and Excel did, from VIETNAMESE_LETTERS,
 * so round-trip tests do not depend on the decoder's own tables.
 */
import { VIETNAMESE_LETTERS } from './legacy-encoding-tables.js';

const BY_LETTER = new Map(VIETNAMESE_LETTERS.map((l) => [l.unicode, l]));
const CP1258 = new TextDecoder('windows-1258');

function mapLetters(text: string, pick: (l: (typeof VIETNAMESE_LETTERS)[number]) => string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const letter = BY_LETTER.get(ch);
    out += letter === undefined ? ch : pick(letter);
  }
  return out;
}

/** The cp1252 view of `text` typed in TCVN3 (what a spreadsheet shows). @example toTcvn3View('Nguyễn') // 'NguyÔn' */
export const toTcvn3View = (text: string): string => mapLetters(text, (l) => l.tcvn3);
/** The cp1252 view of `text` typed in VNI. @example toVniView('Nguyễn') // 'Nguyeãn' */
export const toVniView = (text: string): string => mapLetters(text, (l) => l.vni);

/** Bytes of a cp1252 view whose characters are all Latin-1 (TCVN3 and VNI views are). */
export function latin1Bytes(view: string): Uint8Array {
  const out = new Uint8Array(view.length);
  for (let i = 0; i < view.length; i++) {
    const c = view.charCodeAt(i);
    if (c > 0xff) throw new Error(`not Latin-1: ${view[i]}`);
    out[i] = c;
  }
  return out;
}

/** Windows-1258 bytes; `precomposed` uses the single Latin-1 byte where cp1258 has one (á = E1), as Excel may. */
export function toCp1258Bytes(text: string, precomposed = false): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    const letter = BY_LETTER.get(ch);
    if (precomposed && c >= 0xc0 && c <= 0xff && CP1258.decode(Uint8Array.of(c)) === ch) out.push(c);
    else if (letter !== undefined) out.push(...letter.cp1258);
    else if (c < 0x80) out.push(c);
    else throw new Error(`no cp1258 spelling for ${ch}`);
  }
  return Uint8Array.from(out);
}

/** UTF-16 bytes, optionally with a BOM. */
export function utf16Bytes(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const body = bom ? '\uFEFF' + text : text;
  const out = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** Real-looking names and addresses of Điện Biên, with every capital either ASCII or one of TCVN3's own. */
export const DIEN_BIEN_TEXTS = [
  'Lò Văn Pánh',
  'Quàng Thị Ưng',
  'Giàng A Páo',
  'Nguyễn Thị Thuỷ',
  'Cầm Thị Hoà',
  'Vừ A Dính',
  'Sùng Thị Mỷ',
  'Thào A Chớ',
  'Lường Văn Đôi',
  'Mùa A Sử',
  'Bản Na Ngam, xã Na Ư, huyện Điện Biên',
  'Mường Chà',
  'Điện Biên Phủ',
  'Tổ dân phố 5, phường Mường Thanh, thành phố Điện Biên Phủ',
  'xã Mường Phăng, huyện Điện Biên, tỉnh Điện Biên',
  'Nậm Pồ',
  'Tủa Chùa',
  'Bản Huổi Lếch, xã Mường Nhé',
  'Đội 12, xã Thanh Xương',
] as const;
