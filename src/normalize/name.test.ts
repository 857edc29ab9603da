import { describe, expect, it } from 'vitest';
import { COMPOUND_FAMILY_NAMES } from './name-compound-families.js';
import { foldKey, toneKey } from './vietnamese-text.js';
import { nameKey, normalizeName, normalizeNameParts, type PersonName } from './name.js';

type Parts = [family: string | null, middle: string | null, given: string | null];

function codes(issues: { code: string }[]): string[] {
  return issues.map((i) => i.code).sort();
}

describe('normalizeName', () => {
  // raw, full, [family, middle, given], issue codes
  const cases: [string, string | null, Parts | null, string[]][] = [
    ['NGUYỄN VĂN A', 'Nguyễn Văn A', ['Nguyễn', 'Văn', 'A'], []],
    ['trần thị thu hà', 'Trần Thị Thu Hà', ['Trần', 'Thị Thu', 'Hà'], []],
    ['Lê  Thị   Hoà', 'Lê Thị Hoà', ['Lê', 'Thị', 'Hoà'], []],
    ['Phạm Thị Thủy', 'Phạm Thị Thủy', ['Phạm', 'Thị', 'Thủy'], []], // old placement kept as written
    ['Đỗ Quang Khỏe', 'Đỗ Quang Khỏe', ['Đỗ', 'Quang', 'Khỏe'], []],
    ['Bùi Xuân Qúy', 'Bùi Xuân Qúy', ['Bùi', 'Xuân', 'Qúy'], []],
    ['Võ Minh Tú', 'Võ Minh Tú', ['Võ', 'Minh', 'Tú'], []],
    ['Lò Văn Pánh', 'Lò Văn Pánh', ['Lò', 'Văn', 'Pánh'], []],
    ['QUÀNG THỊ ƯNG', 'Quàng Thị Ưng', ['Quàng', 'Thị', 'Ưng'], []],
    ['Giàng A Páo', 'Giàng A Páo', ['Giàng', 'A', 'Páo'], []],
    ['sùng thị mỷ', 'Sùng Thị Mỷ', ['Sùng', 'Thị', 'Mỷ'], []],
    ['Vừ A Dính', 'Vừ A Dính', ['Vừ', 'A', 'Dính'], []],
    ['Thào Seo Lử', 'Thào Seo Lử', ['Thào', 'Seo', 'Lử'], []],
    ['Cầm Bá Thước', 'Cầm Bá Thước', ['Cầm', 'Bá', 'Thước'], []],
    ['Lường Văn Hặc', 'Lường Văn Hặc', ['Lường', 'Văn', 'Hặc'], []],
    ['Mùa A Sồng', 'Mùa A Sồng', ['Mùa', 'A', 'Sồng'], []],
    ['Hờ Thị Chứ', 'Hờ Thị Chứ', ['Hờ', 'Thị', 'Chứ'], []],
    ['Lý Thị Xeo', 'Lý Thị Xeo', ['Lý', 'Thị', 'Xeo'], []],
    ['Hà Văn Nam', 'Hà Văn Nam', ['Hà', 'Văn', 'Nam'], []],
    ['Tôn Thất Thuyết', 'Tôn Thất Thuyết', ['Tôn Thất', null, 'Thuyết'], []],
    ['TÔN NỮ THỊ NGỌC HOA', 'Tôn Nữ Thị Ngọc Hoa', ['Tôn Nữ', 'Thị Ngọc', 'Hoa'], []],
    ['Công Tằng Tôn Nữ Thị Xuân', 'Công Tằng Tôn Nữ Thị Xuân', ['Công Tằng Tôn Nữ', 'Thị', 'Xuân'], []],
    ['Công Huyền Tôn Nữ Minh Châu', 'Công Huyền Tôn Nữ Minh Châu', ['Công Huyền Tôn Nữ', 'Minh', 'Châu'], []],
    ['Âu Dương Phong', 'Âu Dương Phong', ['Âu Dương', null, 'Phong'], []],
    ['Hoàng Phủ Ngọc Tường', 'Hoàng Phủ Ngọc Tường', ['Hoàng Phủ', 'Ngọc', 'Tường'], []],
    // Not compounds: a common middle name, and parents' double family names.
    ['Nguyễn Phúc Lộc', 'Nguyễn Phúc Lộc', ['Nguyễn', 'Phúc', 'Lộc'], []],
    ['Trần Lê Quốc Toàn', 'Trần Lê Quốc Toàn', ['Trần', 'Lê Quốc', 'Toàn'], []],
    ['Tôn Thất', 'Tôn Thất', ['Tôn', null, 'Thất'], []], // no given name after the compound
    ['Âu Cơ', 'Âu Cơ', ['Âu', null, 'Cơ'], []],
    ['Ton That Thuyet', 'Ton That Thuyet', ['Ton That', null, 'Thuyet'], ['name_without_diacritics']],
    ['Nguyen Van A', 'Nguyen Van A', ['Nguyen', 'Van', 'A'], ['name_without_diacritics']],
    ['"Nguyễn Văn Bình".', 'Nguyễn Văn Bình', ['Nguyễn', 'Văn', 'Bình'], []],
    ["'Đinh Thị Lan", 'Đinh Thị Lan', ['Đinh', 'Thị', 'Lan'], []],
    ['* Mai Văn Tám ;', 'Mai Văn Tám', ['Mai', 'Văn', 'Tám'], []],
    ['“Hồ Thị Sen”', 'Hồ Thị Sen', ['Hồ', 'Thị', 'Sen'], []],
    ['Nguyễn Văn A (đã chết)', 'Nguyễn Văn A', ['Nguyễn', 'Văn', 'A'], ['name_note']],
    ['Lê Văn Bình [chuyển đi]', 'Lê Văn Bình', ['Lê', 'Văn', 'Bình'], ['name_note']],
    ['Trịnh Thị Nga - đã chuyển khẩu 2019', 'Trịnh Thị Nga', ['Trịnh', 'Thị', 'Nga'], ['name_note']],
    ['Đào Văn Tư, chết năm 2001', 'Đào Văn Tư', ['Đào', 'Văn', 'Tư'], ['name_note']],
    ['Vi Văn Định (Tý', 'Vi Văn Định', ['Vi', 'Văn', 'Định'], ['name_note']],
    ['Hoa', 'Hoa', [null, null, 'Hoa'], ['name_single_syllable']],
    ['Nguyễn Văn 2', 'Nguyễn Văn 2', ['Nguyễn', 'Văn', '2'], ['name_has_digits']],
    ['1. Phan Thị Hằng', '1. Phan Thị Hằng', ['1.', 'Phan Thị', 'Hằng'], ['name_has_digits', 'name_invalid_chars']],
    ['Nguyễn Văn A / Nguyễn Thị B', 'Nguyễn Văn A / Nguyễn Thị B', ['Nguyễn', 'Văn A / Nguyễn Thị', 'B'], ['name_invalid_chars']],
    ['Nguyễn Văn An - Trần Thị Bé', 'Nguyễn Văn An - Trần Thị Bé', ['Nguyễn', 'Văn An - Trần Thị', 'Bé'], ['name_invalid_chars']],
    ["Hờ A Chớ H'", "Hờ A Chớ H", ['Hờ', 'A Chớ', 'H'], ['name_unusual_syllable']],
    ['Ng?yễn Văn Hải', 'Ng?Yễn Văn Hải', ['Ng?Yễn', 'Văn', 'Hải'], ['name_invalid_chars']],
    ['Нguyễn Văn Hải', 'Нguyễn Văn Hải', ['Нguyễn', 'Văn', 'Hải'], ['name_invalid_chars']], // Cyrillic Н
    ['Nguyeãn Vaên Haûi', 'Nguyeãn Vaên Haûi', ['Nguyeãn', 'Vaên', 'Haûi'], ['name_invalid_chars']], // VNI left over
    ['Nguyễn Văn Phuc', 'Nguyễn Văn Phuc', ['Nguyễn', 'Văn', 'Phuc'], ['name_unusual_syllable']],
    ['Y Ngông Niê-Kđăm', 'Y Ngông Niê-Kđăm', ['Y', 'Ngông', 'Niê-Kđăm'], ['name_unusual_syllable']],
    ['', null, null, ['name_missing']],
    ['   ', null, null, ['name_missing']],
    ['-', null, null, ['name_missing']],
    ['Không rõ', null, null, ['name_missing']],
    ['chưa đặt tên', null, null, ['name_missing']],
    ['(đã chết)', null, null, ['name_missing', 'name_note']],
  ];

  it.each(cases)('%j', (raw, full, parts, expectedCodes) => {
    const result = normalizeName(raw);
    expect(codes(result.issues)).toEqual(expectedCodes);
    if (full === null || parts === null) {
      expect(result.value).toBeNull();
      return;
    }
    const expected: PersonName = { full, family: parts[0], middle: parts[1], given: parts[2] };
    expect(result.value).toEqual(expected);
  });

  it('gives each issue its severity', () => {
    const severityOf = (raw: string, code: string) => normalizeName(raw).issues.find((i) => i.code === code)?.severity;
    expect(severityOf('', 'name_missing')).toBe('reject');
    expect(severityOf('Hoa', 'name_single_syllable')).toBe('review');
    expect(severityOf('Nguyễn Văn 2', 'name_has_digits')).toBe('review');
    expect(severityOf('Lê V#n Tám', 'name_invalid_chars')).toBe('review');
    expect(severityOf('Nguyễn Văn A (đã chết)', 'name_note')).toBe('review');
    expect(severityOf('Nguyễn Văn Phuc', 'name_unusual_syllable')).toBe('warning');
    expect(severityOf('Nguyen Van A', 'name_without_diacritics')).toBe('warning');
  });

  it('keeps the note text and the raw value in the message', () => {
    const [issue] = normalizeName('Nguyễn Văn A (đã chết năm 1998)').issues;
    expect(issue.message).toContain('đã chết năm 1998');
    expect(issue.message).toContain('Nguyễn Văn A');
    expect(issue.field).toBe('full_name');
  });

  it('names the odd syllables in the spelling warning', () => {
    const [issue] = normalizeName('Nguyễn Văn Phuc').issues;
    expect(issue.message).toContain('Phuc');
  });
});

describe('COMPOUND_FAMILY_NAMES', () => {
  it('is stored as toneKey values, the form names are compared in', () => {
    for (const compound of COMPOUND_FAMILY_NAMES) {
      for (const syllable of compound) expect(toneKey(syllable)).toBe(syllable);
    }
  });
});

describe('normalizeNameParts', () => {
  const cases: [string, string, string | null, Parts | null, string[]][] = [
    ['NGUYỄN THỊ', 'HOÀ', 'Nguyễn Thị Hoà', ['Nguyễn', 'Thị', 'Hoà'], []],
    ['Lò Văn', 'Pánh', 'Lò Văn Pánh', ['Lò', 'Văn', 'Pánh'], []],
    ['Trần', 'Bình', 'Trần Bình', ['Trần', null, 'Bình'], []],
    ['Tôn Thất', 'Thuyết', 'Tôn Thất Thuyết', ['Tôn Thất', null, 'Thuyết'], []],
    ['Phạm Thị', 'Minh Anh', 'Phạm Thị Minh Anh', ['Phạm', 'Thị Minh', 'Anh'], []],
    ['Nguyễn Văn,', ' Tâm.', 'Nguyễn Văn Tâm', ['Nguyễn', 'Văn', 'Tâm'], []],
    ['Đặng Văn', 'Hùng (đã chết)', 'Đặng Văn Hùng', ['Đặng', 'Văn', 'Hùng'], ['name_note']],
    ['Vàng Thị Mai', '', 'Vàng Thị Mai', ['Vàng', 'Thị', 'Mai'], ['name_given_missing']],
    ['', 'Hoàng Văn Thụ', 'Hoàng Văn Thụ', ['Hoàng', 'Văn', 'Thụ'], ['name_parts_merged']],
    ['', 'Thụ', 'Thụ', [null, null, 'Thụ'], ['name_single_syllable']],
    ['', '', null, null, ['name_missing']],
  ];
  it.each(cases)('%j + %j', (familyMiddle, given, full, parts, expectedCodes) => {
    const result = normalizeNameParts(familyMiddle, given);
    expect(codes(result.issues)).toEqual(expectedCodes);
    if (full === null || parts === null) {
      expect(result.value).toBeNull();
      return;
    }
    expect(result.value).toEqual({ full, family: parts[0], middle: parts[1], given: parts[2] });
  });

  it('splits like normalizeName so both layouts match', () => {
    expect(normalizeNameParts('Sùng Thị', 'Mỷ').value).toEqual(normalizeName('Sùng Thị Mỷ').value);
  });
});

describe('nameKey', () => {
  const same: [string, string][] = [
    ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa'],
    ['Lê Thị Thuỷ', 'LÊ THỊ THỦY'],
    ['Trần Văn Khoẻ', 'trần văn khỏe'],
    ['Bùi Xuân Quý', 'Bùi Xuân Qúy'],
    ['Nguyễn Văn A', 'NGUYỄN VĂN A'],
    ['Đỗ Văn Hùng', 'Ðỗ Văn Hùng'], // U+00D0 look-alike
    ['Đinh Thị Lan', 'ðinh Thị Lan'],
    ["Hờ Thị H'Mông", 'Hờ Thị H’Mông'],
    ['Nguyễn  Văn\u00A0A', 'Nguyễn Văn A'],
  ];
  it.each(same)('%s ≡ %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  const different: [string, string][] = [
    ['Nguyen Van A', 'Nguyễn Văn A'],
    ['Nguyễn Thị Hoa', 'Nguyễn Thị Hoà'],
    ['Lê Văn Quí', 'Lê Văn Quý'],
    ['Dương Văn Tú', 'Đương Văn Tú'],
  ];
  it.each(different)('%s ≠ %s', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('leaves missing diacritics to foldKey', () => {
    expect(foldKey('Nguyen Van A')).toBe(foldKey('Nguyễn Văn A'));
  });
});
