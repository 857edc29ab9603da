import { describe, expect, it } from 'vitest';
import { cleanText, foldKey, isVietnameseSyllable, properCase, toneKey } from './vietnamese-text.js';

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
