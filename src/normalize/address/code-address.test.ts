import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGazetteerIndex } from './gazetteer-index.js';
import { codeAddress, type AddressInput } from './code-address.js';
import type { GazetteerData } from './gazetteer-data.js';

// The committed gazetteer (tests may read files; the matcher itself does not).
const data = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/gazetteer/vn-2025.json', import.meta.url)), 'utf8')) as GazetteerData;
const index = buildGazetteerIndex(data);
const DB = { defaultProvinceCode: '11' };
const code = (input: AddressInput | string, ctx = DB) => codeAddress(typeof input === 'string' ? { text: input } : input, index, ctx);

describe('codeAddress: coded addresses (legacy commune → current commune)', () => {
  it.each([
    // text, hamlet, legacy commune, legacy district, current commune
    ['Bản Noong Bua, P. Noong Bua, TP. Điện Biên Phủ, T. Điện Biên', 'Bản Noong Bua', '03124', '094', '03334'],
    ['BAN NOONG BUA P NOONG BUA TP DBP', 'Ban Noong Bua', '03124', '094', '03334'],
    ['Tổ 5, phường Him Lam', 'Tổ 5', '03127', '094', '03127'],
    ['Tổ 5 P.Him Lam TP.ĐBP', 'Tổ 5', '03127', '094', '03127'],
    ['thôn 3 xã Thanh Xương', 'Thôn 3', '03334', '100', '03334'],
    ['Đội 10 Thanh Hưng', 'Đội 10', '03331', '100', '03328'],
    ['xa Thanh Xuong huyen Dien Bien', null, '03334', '100', '03334'],
    ['Thanh Xuong Dien Bien', null, '03334', '100', '03334'],
    ['TDP 2, X. Thanh Xương, H. Điện Biên', 'Tổ dân phố 2', '03334', '100', '03334'],
    ['X· Thanh X\u00AD\u00ACng, H. §iÖn Biªn', null, '03334', '100', '03334'], // TCVN3 residue
    ['Thị trấn Mường Chà, H. Mường Chà', null, '03172', '097', '03172'], // old 03172 TT Mường Chà → new 03172 Xã Na Sang
    ['Xã Thanh Xuơng, Huyện Điện Biên', null, '03334', '100', '03334'], // typo in a long name
    ['Phường 1, Quận 3, TP HCM', null, '27160', '770', '27154'],
    ['P.01, Q.3, TP.HCM', null, '27160', '770', '27154'],
  ])('%s', (text, hamlet, legacyCommune, legacyDistrict, current) => {
    const r = code(text);
    expect(r.status).toBe('coded');
    expect(r.hamlet).toBe(hamlet);
    expect(r.legacy).toMatchObject({ communeCode: legacyCommune, districtCode: legacyDistrict });
    expect(r.current?.communeCode).toBe(current);
    expect(r.issues).toEqual([]);
  });

  it('codes spreadsheet columns with the same matcher', () => {
    const r = code({ hamlet: 'Bản Co Mỵ', commune: 'Thanh Minh', district: 'TP Điện Biên Phủ', province: 'Điện Biên' });
    expect(r).toMatchObject({ status: 'coded', hamlet: 'Bản Co Mỵ', current: { provinceCode: '11', communeCode: '03127' } });
  });

  it('codes a post-2025 name in the current list and infers the old commune when it had a single origin', () => {
    const r = code('Xã Na Sang, tỉnh Điện Biên');
    expect(r.current?.communeCode).toBe('03172');
    expect(r.legacy?.communeCode).toBe('03201'); // old Xã Na Sang; not old 03172 (Thị trấn Mường Chà)
  });

  it('codes a unit in both lists separately (each code from its own list)', () => {
    const r = code('Xã Xa Dung, Huyện Điện Biên Đông');
    expect(r.legacy?.communeCode).toBe('03373');
    expect(r.current?.communeCode).toBe('03208');
  });

  it('matches both tone placements (Thanh Hóa / Thanh Hoá)', () => {
    const a = code('P. Đông Hương, TP Thanh Hóa, Thanh Hóa', { defaultProvinceCode: '38' });
    const b = code('P. Đông Hương, TP Thanh Hoá, Thanh Hoá', { defaultProvinceCode: '38' });
    expect(a.status).toBe('coded');
    expect(b.current).toEqual(a.current);
  });
});

describe('codeAddress: never a guess presented as certain', () => {
  it.each([
    ['Mường Chà', 'old Thị trấn Mường Chà or new Xã Mường Chà'],
    ['Tô Hiệu', 'Phường Tô Hiệu (Sơn La) is in another province than the default'],
    ['Xã Mường Phăng - H. Điện Biên', 'Mường Phăng belonged to TP Điện Biên Phủ before 2025: right name, wrong district'],
    ['Phường Tân Thanh, Lai Châu', 'Tân Thanh is in Điện Biên, not Lai Châu'],
    ['Sam Mun, Dien Bien', 'old Sam Mứn (H. Điện Biên) or new Xã Sam Mứn (tỉnh Điện Biên)'],
  ])('%s → review (%s)', (text) => {
    const r = code(text);
    expect(r.status).not.toBe('coded');
    expect(r.current).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ field: 'address', severity: 'review' });
  });

  it('same commune name in two districts without a district → ambiguous naming both', () => {
    // Sơn La had two "Xã Chiềng Chung" (Mai Sơn and Mường La) before 2025.
    const r = code('Bản Nà Sản, Xã Chiềng Chung', { defaultProvinceCode: '14' });
    expect(r.status).toBe('ambiguous');
    expect(r.candidates.length).toBeGreaterThanOrEqual(2);
    expect(r.issues[0].message).toContain('Chiềng Chung');
    // With the district the same words decide.
    expect(code('Bản Nà Sản, Xã Chiềng Chung, H. Mai Sơn', { defaultProvinceCode: '14' }).status).toBe('coded');
  });

  it('a split commune keeps its old code, leaves the current one to a reviewer and names the new communes', () => {
    const split = data.communeMap.find((l) => l.coverage === 'partial' && l.from.startsWith('0') && index.legacyCommunes.get(l.from)?.provinceCode === '01')!;
    const old = index.legacyCommunes.get(split.from)!;
    const district = index.districts.get(old.districtCode)!;
    const r = code(`${old.type} ${old.name}, ${district.type} ${district.name}, Hà Nội`, { defaultProvinceCode: '01' });
    expect(r.legacy?.communeCode).toBe(old.code);
    expect(r.current).toBeNull();
    expect(r.status).toBe('ambiguous');
    expect(r.issues[0].code).toBe('address_commune_split');
    expect(r.candidates.map((c) => c.currentCommuneCode)).toContain(split.to);
  });

  it('nothing recognisable → unmatched with a Vietnamese message', () => {
    const r = code('Số 12 ngõ 5');
    expect(r.status).toBe('unmatched');
    expect(r.issues[0].message).toMatch(/Không xác định được xã\/phường/);
  });
});

describe('gazetteer traps', () => {
  it('maps the mapping codes 06970/23737 to the list codes 06978/23938', () => {
    expect(data.communeMap.some((l) => l.to === '06970' || l.to === '23737')).toBe(false);
    expect(index.currentCommunes.get('06978')?.name).toBe('Ba Chẽ');
  });

  it('keeps codes as strings with leading zeros and has 63/34 provinces', () => {
    expect(data.legacy.provinces).toHaveLength(63);
    expect(data.current.provinces).toHaveLength(34);
    expect(index.legacyCommunes.get('00001')?.name).toBe('Phúc Xá');
  });
});
