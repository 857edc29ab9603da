import { describe, expect, it } from 'vitest';
import { cleanText, foldKey, isVietnameseSyllable, properCase, SLOW_PATHS, toneKey } from './vietnamese-text.js';

describe('cleanText', () => {
  const cases: [string, string, string][] = [
    ['decomposed (NFD, macOS) to NFC', 'Nguye\u0302\u0303n Va\u0306n A', 'Nguyễn Văn A'],
    ['NBSP and tabs', 'Lò\u00A0Văn\tPánh', 'Lò Văn Pánh'],
    ['newlines inside a cell', 'Quàng Thị\r\nƯng', 'Quàng Thị Ưng'],
    ['zero-width space inside a word', 'Ng\u200Buyễn Thị Hoa', 'Nguyễn Thị Hoa'],
    ['soft hyphen left by a lost TCVN3 font', 'Hoa\u00AD Mai', 'Hoa Mai'],
    ['BOM at the start of a CSV cell', '\uFEFFSùng Thị Mỷ', 'Sùng Thị Mỷ'],
    ['narrow NBSP and ideographic space', 'Vừ\u202FA\u3000Dính', 'Vừ A Dính'],
    ['C0/C1 control junk', 'Thào\u0007 Seo\u0081 Lử', 'Thào Seo Lử'],
    ['trimmed, runs collapsed', '   Cầm   Bá  Thước  ', 'Cầm Bá Thước'],
    ['Windows-1258 style tone mark after the letter', 'Lu\u031Bo\u031B\u0300ng Văn Hặc', 'Lường Văn Hặc'],
  ];
  it.each(cases)('%s', (_label, raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });
});

describe('foldKey', () => {
  const cases: [string, string][] = [
    ['NGUYỄN  Văn   A', 'nguyen van a'],
    ['Đặng Thị Đào', 'dang thi dao'],
    ['Ðỗ Văn Hùng', 'do van hung'], // U+00D0 from a legacy font
    ['ðinh Thị Mai', 'dinh thi mai'], // U+00F0
    ['Ɖoàn Văn Sáu', 'doan van sau'],
    ['Trương Thị Thuỷ', 'truong thi thuy'],
    ["Hờ A Chớ H'Mông", "ho a cho h'mong"],
  ];
  it.each(cases)('%s → %s', (raw, expected) => {
    expect(foldKey(raw)).toBe(expected);
  });

  it('makes a name with and without diacritics equal', () => {
    expect(foldKey('Nguyen Van A')).toBe(foldKey('Nguyễn Văn A'));
  });
});

describe('toneKey', () => {
  const same: [string, string][] = [
    ['Hoà', 'Hòa'],
    ['Thuỷ', 'Thủy'],
    ['Khoẻ', 'Khỏe'],
    ['Quý', 'Qúy'],
    ['Loá', 'Lóa'],
    ['Thoả', 'Thỏa'],
    ['Tuỵ', 'Tụy'],
    ['Xoè', 'Xòe'],
    ['Nguyễn Thị Hoà', 'NGUYỄN THỊ HÒA'],
    ['Hoàng Thuỳ Linh', 'hoàng thùy linh'],
    ['Khuỷu', 'khủyu'],
    ['hoài', 'hòai'],
  ];
  it.each(same)('%s and %s share a key', (a, b) => {
    expect(toneKey(a)).toBe(toneKey(b));
  });

  const unchanged: string[] = ['nguyễn', 'quỳnh', 'giữa', 'giếng', 'hoàng', 'người', 'thuở', 'của', 'mía', 'tuýt', 'xoáy'];
  it.each(unchanged)('keeps the standard placement of %s', (word) => {
    expect(toneKey(word)).toBe(word);
  });

  const different: [string, string][] = [
    ['Nguyen', 'Nguyễn'],
    ['Hoa', 'Hoà'],
    ['Thuy', 'Thuỷ'],
    ['Quí', 'Quý'],
  ];
  it.each(different)('%s and %s stay different', (a, b) => {
    expect(toneKey(a)).not.toBe(toneKey(b));
  });
});

describe('properCase', () => {
  const cases: [string, string][] = [
    ['NGUYỄN VĂN A', 'Nguyễn Văn A'],
    ['lò văn pánh', 'Lò Văn Pánh'],
    ['ĐẶNG thị ĐÀO', 'Đặng Thị Đào'],
    ["h'mông", "H'Mông"],
    ["KSOR H'HEN", "Ksor H'Hen"],
    ['y ngông niê-kđăm', 'Y Ngông Niê-Kđăm'],
    ['Thị THUỶ', 'Thị Thuỷ'], // tone placement kept as written
    ['ÂU DƯƠNG PHONG', 'Âu Dương Phong'],
  ];
  it.each(cases)('%s → %s', (raw, expected) => {
    expect(properCase(raw)).toBe(expected);
  });
});

describe('isVietnameseSyllable', () => {
  const valid = [
    'Nguyễn', 'Văn', 'A', 'Thị', 'Ưng', 'Quàng', 'Giàng', 'Páo', 'Lử', 'Dính', 'Mỷ', 'Sồng', 'Chứ', 'Xeo',
    'Seo', 'Vừ', 'Thào', 'Cầm', 'Bá', 'Thước', 'Lường', 'Hặc', 'Pánh', 'Sùng', 'Quỳnh', 'Khuếch', 'Hoạch',
    'huỳnh', 'bệnh', 'xoăn', 'quyết', 'thuở', 'gìn', 'giữa', 'khuỷu', 'ngoẻo', 'khuấy', 'hươu', 'NGHIÊNG',
  ];
  it.each(valid)('%s is a syllable', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  const invalid: [string, string][] = [
    ['Nguyeãn', 'VNI bytes read as cp1252'],
    ['NguyÔn', 'TCVN3 bytes read as cp1252'],
    ['V¨n', 'TCVN3 ă'],
    ['Phuc', 'stop coda without sắc/nặng'],
    ['Phùc', 'stop coda with huyền'],
    ['Nguyeenx', 'Telex keystrokes'],
    ['Hoang2', 'digit'],
    ['Kđăm', 'minority onset cluster'],
    ['Nguyễń', 'two tone marks'],
    ['ă', 'ă needs a coda'],
    ['rn', 'OCR m split into rn'],
    ['Joseph', 'foreign name'],
  ];
  it.each(invalid)('%s is not (%s)', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});

describe('fast paths give exactly what the slow paths give', () => {
  const FAST = { cleanText, foldKey, toneKey };
  const NAMES = ['cleanText', 'foldKey', 'toneKey'] as const;

  /** Inputs on which some fast path and its slow path disagree, with both answers. */
  function disagreements(inputs: Iterable<string>): string[] {
    const found: string[] = [];
    for (const input of inputs) {
      for (const name of NAMES) {
        const fast = FAST[name](input);
        const slow = SLOW_PATHS[name](input);
        if (fast !== slow) found.push(`${name}(${JSON.stringify(input)}): ${JSON.stringify(fast)} ≠ ${JSON.stringify(slow)}`);
      }
    }
    return found;
  }

  const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // ngang, huyền, sắc, hỏi, ngã, nặng
  const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const CONSONANTS = ['b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x'];
  /** Every toned vowel, upper and lower case, precomposed (NFC) and decomposed (NFD). */
  const TONED_VOWELS = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')))
    .flatMap((v) => [v, v.toUpperCase()])
    .flatMap((v) => [v, v.normalize('NFD')]);
  const LETTERS = [...TONED_VOWELS, ...CONSONANTS, ...CONSONANTS.map((c) => c.toUpperCase())];
  const LOOK_ALIKES = ['Ð', 'ð', 'Ɖ', 'ɖ', 'Đ', 'đ'];
  const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u180E', '\u034F', '\u0000', '\u0007', '\u007F', '\u0081'];
  const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u0085', '\u00A0', '\u00A0\u00A0', '\u2000', '\u2009', '\u202F', '\u2028', '\u3000'];
  /** Characters whose case mapping or normalization depends on more than themselves, and other scripts. */
  const ODD = [
    'İ', 'ı', 'ß', 'ẞ', 'ΟΔΟΣ', 'Σ', 'ﬁ', '\u212B', '\u2126', 'Å', '\u1100\u1161', '가', '\u0B47\u0B3E', '😀', '\uD800', '\uDC00',
    '–', '“', '”', '…', '\u2061', '\u200E', 'e\u0301\u0302', 'o\u031B\u0300', 'ư\u0309', '\u0301', '\u0323a', "H'", '-', ',', '.', '3', '/',
  ];
  const WORDS = [
    'Nguyễn', 'Văn', 'Thị', 'Lò', 'Quàng', 'Hùng', 'Mường Phăng', 'Điện Biên', 'Bản Na Sang,', 'xã', 'huyện', 'tỉnh',
    'NGUYỄN', 'THUỶ', 'Thủy', 'hòa', 'khoẻ', 'qúy', 'Khuỷu', "H'Mông", 'Niê-Kđăm', 'Tổ 5', 'Đội 10', 'Nguyen',
    'nguyen van a', 'to 5', 'ban na sang, xa muong phang',
  ];
  const PIECES = [...LETTERS, ...LOOK_ALIKES, ...INVISIBLES, ...SPACES, ...ODD, ...WORDS, ...WORDS, ...WORDS];

  it('on every letter of the alphabet with every tone, alone, in a word and between spaces', () => {
    const inputs = LETTERS.flatMap((l) => [l, `Ng${l}n`, ` ${l} `, `${l}${l.toUpperCase()}`]);
    expect(disagreements(inputs)).toEqual([]);
  });

  it('on look-alikes, invisible characters, odd spaces and other scripts, alone and in names', () => {
    const inputs = [...LOOK_ALIKES, ...INVISIBLES, ...SPACES, ...ODD].flatMap((x) => [
      x, `${x}Lò Văn${x}Hùng${x}`, `  Nguy${x}ễn  `, `${x}${x} ${x}`,
    ]);
    expect(disagreements(inputs)).toEqual([]);
  });

  it('on text that is clean or folded already, and on it with spaces around', () => {
    const keys = WORDS.flatMap((w) => [w, cleanText(w), foldKey(w), toneKey(w)]);
    const inputs = keys.flatMap((k) => [k, ` ${k}`, `${k} `, `  ${k}`, `${k}  ${k}`, `${k}\t${k}`, `\u00A0${k}`, `${k}\u200B`]);
    expect(disagreements(inputs)).toEqual([]);
  });

  it('on every BMP character between letters and spaces', () => {
    const inputs: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      inputs.push(`Ạ${ch}b`, ` ${ch} Đỗ${ch}`);
    }
    expect(disagreements(inputs)).toEqual([]);
  });

  it('on seeded random mixes of all of the above, and on a string too long for the fast path', () => {
    let state = 20250701;
    const random = (): number => {
      // mulberry32: the same strings on every run
      let t = (state = (state + 0x6d2b79f5) >>> 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const inputs: string[] = [''];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const pieces = Math.floor(random() * 12);
      for (let p = 0; p < pieces; p++) text += PIECES[Math.floor(random() * PIECES.length)];
      inputs.push(text);
    }
    inputs.push('Lò Văn Hùng  '.repeat(200), 'Lò Văn Hùng '.repeat(100));
    expect(disagreements(inputs)).toEqual([]);
  });
});
