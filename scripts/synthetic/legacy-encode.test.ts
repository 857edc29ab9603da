import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { TCVN3_TO_UNICODE, TCVN3_TO_UNICODE_CAPITAL, VIETNAMESE_LETTERS, VNI_TO_UNICODE } from '../../src/ingest/legacy-encoding-tables.js';
import { encodeCp1252, encodeCp1258, stripDiacritics, toTcvn3CapitalFontText, toTcvn3Text, toVniText } from './legacy-encode.js';

/** Minimal decoders straight from the master tables, independent of the product's converter. */
const fromTcvn3 = (s: string, capitals = false): string =>
  [...s].map((ch) => (capitals ? TCVN3_TO_UNICODE_CAPITAL[ch] ?? ch.toUpperCase() : TCVN3_TO_UNICODE[ch] ?? ch)).join('');
function fromVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const hit = VNI_TO_UNICODE.find(([k]) => s.startsWith(k, i));
    out += hit ? hit[1] : s[i];
    i += hit ? hit[0].length : 1;
  }
  return out;
}

const NAMES = ['Nguyễn Văn Hùng', 'Lò Thị Ún', 'Giàng A Páo', 'Quàng Văn Thưởng', 'Vừ Thị Mỷ', 'Mường Phăng', 'Điện Biên Đông', 'Hoàng Thị Thuỷ', 'Lường Văn Ơn', 'Ẳng Tở'];

describe('legacy encoders', () => {
  it.each([
    ['Nguyễn', 'NguyÔn', 'Nguyeãn'],
    ['Mường', 'M\u00ADêng', 'Möôøng'],
    ['Đức', '§øc', 'Ñöùc'],
  ])('%s → TCVN3 %s, VNI %s', (u, tcvn3, vni) => {
    expect(toTcvn3Text(u)).toBe(tcvn3);
    expect(toVniText(u)).toBe(vni);
  });

  it('round-trips every letter of the master table through VNI and cp1258', () => {
    for (const l of VIETNAMESE_LETTERS) {
      expect(fromVni(toVniText(l.unicode))).toBe(l.unicode);
      expect(iconv.decode(encodeCp1258(l.unicode), 'windows-1258').normalize('NFC')).toBe(l.unicode);
    }
  });

  it('round-trips every lower-case letter through TCVN3', () => {
    for (const l of VIETNAMESE_LETTERS.filter((x) => x.unicode === x.unicode.toLowerCase()))
      expect(fromTcvn3(toTcvn3Text(l.unicode))).toBe(l.unicode);
  });

  it.each(NAMES)('round-trips %s through every encoding', (name) => {
    expect(fromVni(encodeCp1252(toVniText(name)).toString('latin1'))).toBe(name);
    expect(fromTcvn3(encodeCp1252(toTcvn3Text(name.toLowerCase())).toString('latin1'))).toBe(name.toLowerCase());
    expect(fromTcvn3(toTcvn3CapitalFontText(name), true)).toBe(name.toUpperCase());
    expect(iconv.decode(encodeCp1258(name), 'windows-1258').normalize('NFC')).toBe(name);
  });

  it('writes cp1258 with decomposed tones', () => {
    expect([...encodeCp1258('ễ')]).toEqual([0xea, 0xde]);
  });

  it('refuses characters the encoding does not have', () => {
    expect(() => encodeCp1252('Nguyễn')).toThrow();
    expect(() => toTcvn3Text('€')).toThrow();
  });

  it('strips diacritics for unaccented names', () => {
    expect(stripDiacritics('Đèo Văn Ước')).toBe('Deo Van Uoc');
  });
});
