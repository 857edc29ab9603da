import { describe, it, expect } from 'vitest';
import { decodeTextFile } from './decode-text-file.js';
import type { TextEncodingName } from './decode-text-file.js';
import {
  DIEN_BIEN_TEXTS,
  latin1Bytes,
  toCp1258Bytes,
  toTcvn3View,
  toVniView,
  utf16Bytes,
} from './legacy-test-helpers.js';

const utf8 = (t: string): Uint8Array => new TextEncoder().encode(t);
const withBom = (b: Uint8Array): Uint8Array => Uint8Array.from([0xef, 0xbb, 0xbf, ...b]);

const HEADER = 'STT;Họ và tên;Ngày sinh;Dân tộc;Địa chỉ';
const FILE = [
  HEADER,
  ...DIEN_BIEN_TEXTS.map((t, i) => `${i + 1};${t};0${(i % 9) + 1}/03/1968;Thái;xã Mường Phăng`),
].join('\r\n');

// Every way an office could have saved the same list.
const ENCODINGS: [string, (t: string) => Uint8Array, TextEncodingName][] = [
  ['UTF-8', utf8, 'utf-8'],
  ['UTF-8 with BOM', (t) => withBom(utf8(t)), 'utf-8'],
  ['UTF-8 in NFD (macOS)', (t) => utf8(t.normalize('NFD')), 'utf-8'],
  ['UTF-16LE with BOM (Excel Unicode text)', (t) => utf16Bytes(t, 'le', true), 'utf-16le'],
  ['UTF-16LE without BOM', (t) => utf16Bytes(t, 'le', false), 'utf-16le'],
  ['UTF-16BE with BOM', (t) => utf16Bytes(t, 'be', true), 'utf-16be'],
  ['UTF-16BE without BOM', (t) => utf16Bytes(t, 'be', false), 'utf-16be'],
  ['Windows-1258, tones decomposed', (t) => toCp1258Bytes(t), 'windows-1258'],
  ['Windows-1258, Latin-1 letters precomposed', (t) => toCp1258Bytes(t, true), 'windows-1258'],
  ['TCVN3 bytes', (t) => latin1Bytes(toTcvn3View(t)), 'tcvn3'],
  ['VNI bytes', (t) => latin1Bytes(toVniView(t)), 'vni'],
  ['UTF-8 holding TCVN3 text (pasted from an old .xls)', (t) => utf8(toTcvn3View(t)), 'tcvn3'],
  ['UTF-8 with BOM holding VNI text', (t) => withBom(utf8(toVniView(t))), 'vni'],
  ['UTF-16LE holding TCVN3 text', (t) => utf16Bytes(toTcvn3View(t), 'le', true), 'tcvn3'],
  // A UTF-8 BOM stamped on bytes that were never re-encoded.
  ['UTF-8 BOM over Windows-1258 bytes', (t) => withBom(toCp1258Bytes(t)), 'windows-1258'],
  ['UTF-8 BOM over TCVN3 bytes', (t) => withBom(latin1Bytes(toTcvn3View(t))), 'tcvn3'],
];

describe('decodeTextFile', () => {
  it.each(ENCODINGS)('%s', (_name, encode, expected) => {
    const bytes = encode(FILE);
    const { text, encoding } = decodeTextFile(bytes);
    expect(encoding).toBe(expected);
    expect(text).toBe(FILE);
  });

  it.each(ENCODINGS.filter(([n]) => !n.includes('NFD') && !n.includes('holding')))(
    '%s: one short line',
    (_name, encode, expected) => {
      const { text, encoding } = decodeTextFile(encode('Nguyễn Thị Thuỷ\n'));
      expect(text).toBe('Nguyễn Thị Thuỷ\n');
      expect(encoding).toBe(expected);
    },
  );

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeTextFile(utf8('STT,Ho ten\n1,Lo Van Panh\n'))).toEqual({
      text: 'STT,Ho ten\n1,Lo Van Panh\n',
      encoding: 'utf-8',
    });
  });

  it('reads the README byte examples', () => {
    expect(decodeTextFile(Uint8Array.of(0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e)).text).toBe('Nguyễn');
    expect(decodeTextFile(Uint8Array.of(0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e)).text).toBe('Nguyễn');
  });

  it('keeps the Unicode rows of a UTF-8 file into which TCVN3 rows were pasted', () => {
    const mixed = `${HEADER}\n1;Lò Thị Ún;1970;Thái;Điện Biên\n${toTcvn3View('2;Quàng Văn Pánh;1971;Thái;Mường Chà')}\n`;
    expect(decodeTextFile(utf8(mixed)).text).toBe(
      `${HEADER}\n1;Lò Thị Ún;1970;Thái;Điện Biên\n2;Quàng Văn Pánh;1971;Thái;Mường Chà\n`,
    );
  });

  it('does not mistake a Latin-1 French file for a Vietnamese legacy encoding', () => {
    const { text } = decodeTextFile(latin1Bytes('Nom;Ville\nFrançois Müller;Genève\nAndré Noël;Besançon\n'));
    expect(text).toBe('Nom;Ville\nFrançois Müller;Genève\nAndré Noël;Besançon\n');
  });
});
