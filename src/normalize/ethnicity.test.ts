import { describe, it, expect } from 'vitest';
import { normalizeEthnicity } from './ethnicity.js';
import { ETHNIC_GROUPS } from './data/ethnic-groups.js';
import { foldKey } from './vietnamese-text.js';

describe('normalizeEthnicity: known groups and their spellings', () => {
  const cases: [string, string, string][] = [
    ['Kinh', 'Kinh', '01'],
    ['KINH', 'Kinh', '01'],
    ['Việt', 'Kinh', '01'],
    ['Kinh (Việt)', 'Kinh', '01'],
    ['Dân tộc Kinh', 'Kinh', '01'],
    ['Mông', 'Mông', '08'],
    ['Mèo', 'Mông', '08'],
    ["H'Mông", 'Mông', '08'],
    ["H'MÔNG", 'Mông', '08'],
    ['Hmông', 'Mông', '08'],
    ['HMông', 'Mông', '08'],
    ['Hmong', 'Mông', '08'],
    ['H mong', 'Mông', '08'],
    ['Mong', 'Mông', '08'],
    ['Mông Hoa', 'Mông', '08'],
    ['Thái', 'Thái', '03'],
    ['THÁI', 'Thái', '03'],
    ['Thai', 'Thái', '03'],
    ['Thái Đen', 'Thái', '03'],
    ['Thái trắng', 'Thái', '03'],
    ['Tày Đăm', 'Thái', '03'],
    ['Thái (Đen)', 'Thái', '03'],
    ['DT Thái', 'Thái', '03'],
    ['Khơ Mú', 'Khơ Mú', '29'],
    ['Khơ-mú', 'Khơ Mú', '29'],
    ['KHƠ MÚ', 'Khơ Mú', '29'],
    ['Kho mu', 'Khơ Mú', '29'],
    ['Xá Cẩu', 'Khơ Mú', '29'],
    ['Dao', 'Dao', '09'],
    ['Mán', 'Dao', '09'],
    ['Hoa', 'Hoa', '04'],
    ['Hán', 'Hoa', '04'],
    ['Lào', 'Lào', '37'],
    ['Lự', 'Lự', '42'],
    ['Hà Nhì', 'Hà Nhì', '35'],
    ['HA NHI', 'Hà Nhì', '35'],
    ['Xinh Mun', 'Xinh Mun', '34'],
    ['Xinh-mun', 'Xinh Mun', '34'],
    ['Kháng', 'Kháng', '33'],
    ['Si La', 'Si La', '50'],
    ['Phù Lá', 'Phù Lá', '40'],
    ['Tày', 'Tày', '02'],
    ['Mường', 'Mường', '06'],
    ['Khơ-me', 'Khmer', '05'],
    ['Ê-đê', 'Ê Đê', '12'],
    ['Ede', 'Ê Đê', '12'],
    ['Người Mường', 'Mường', '06'],
  ];
  it.each(cases)('%s → %s (%s)', (raw, name, code) => {
    const r = normalizeEthnicity(raw);
    expect(r.value).toEqual({ name, code, codeList: 'QD121-1979' });
    expect(r.issues).toEqual([]);
  });

  it('recognises every group by its own name, official name and code list', () => {
    for (const g of ETHNIC_GROUPS) {
      for (const spelling of [g.name, g.officialName, g.name.toUpperCase(), foldKey(g.name)]) {
        expect(normalizeEthnicity(spelling).value?.code, spelling).toBe(g.code);
      }
    }
  });

  it('no two groups share a folded spelling (the variant tables do not collide)', () => {
    for (const g of ETHNIC_GROUPS) {
      for (const v of g.variants) expect(normalizeEthnicity(v).value?.code, v).toBe(g.code);
    }
  });
});

describe('normalizeEthnicity: the rest', () => {
  it('keeps an unknown group as written, proper case, with a review issue', () => {
    const r = normalizeEthnicity('tày pọng');
    expect(r.value).toEqual({ name: 'Tày Pọng', code: null, codeList: null });
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['ethnicity_unknown_group', 'review']]);
    expect(r.issues[0].message).toContain('tày pọng');
  });
  it.each(['Nước ngoài', 'Người nước ngoài', 'NGUOI NUOC NGOAI', 'Ngoại quốc'])('foreigner %s: no code, warning', (raw) => {
    const r = normalizeEthnicity(raw);
    expect(r.value).toEqual({ name: 'Người nước ngoài', code: null, codeList: null });
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['ethnicity_foreign', 'warning']]);
  });
  it('sends Thổ to review: a group of its own, and an old name of Tày and Khmer', () => {
    const r = normalizeEthnicity('Thổ');
    expect(r.value?.code).toBe('24');
    expect(r.issues.map((i) => i.code)).toEqual(['ethnicity_ambiguous']);
    expect(r.issues[0].message).toContain('Tày');
  });
  it.each(['', '   ', '\u200b'])('empty %j gives null without issues', (raw) => {
    expect(normalizeEthnicity(raw)).toEqual({ value: null, issues: [] });
  });
  it('"Không rõ" is null with a warning', () => {
    const r = normalizeEthnicity('Không rõ');
    expect(r.value).toBeNull();
    expect(r.issues[0].severity).toBe('warning');
  });
  it('"Xá" alone is not guessed (Khơ Mú, Kháng or Phù Lá)', () => {
    expect(normalizeEthnicity('Xá').value?.code).toBeNull();
  });
});
