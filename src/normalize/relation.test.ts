import { describe, it, expect } from 'vitest';
import { normalizeRelation } from './relation.js';

describe('normalizeRelation', () => {
  const cases: [string, string][] = [
    ['Chủ hộ', 'Chủ hộ'],
    ['CHỦ HỘ', 'Chủ hộ'],
    ['chủ hộ', 'Chủ hộ'],
    ['Chu ho', 'Chủ hộ'],
    ['CH', 'Chủ hộ'],
    ['Chủ hộ khẩu', 'Chủ hộ'],
    ['Vợ', 'Vợ'],
    ['VO', 'Vợ'],
    ['Vợ chủ hộ', 'Vợ'],
    ['Vợ CH', 'Vợ'],
    ['Chồng', 'Chồng'],
    ['Con', 'Con'],
    ['Con của chủ hộ', 'Con'],
    ['Con thứ 2', 'Con'],
    ['Con út', 'Con'],
    ['Con trai', 'Con trai'],
    ['con gai', 'Con gái'],
    ['Con đẻ', 'Con đẻ'],
    ['Con ruột', 'Con đẻ'],
    ['Con nuôi', 'Con nuôi'],
    ['Con riêng', 'Con riêng'],
    ['Con dâu', 'Con dâu'],
    ['CON DÂU', 'Con dâu'],
    ['Con rể', 'Con rể'],
    ['Con re', 'Con rể'],
    ['Cháu', 'Cháu'],
    ['Cháu nội', 'Cháu nội'],
    ['Chau ngoai', 'Cháu ngoại'],
    ['Chắt', 'Chắt'],
    ['Bố', 'Bố'],
    ['Cha', 'Bố'],
    ['Bố đẻ', 'Bố'],
    ['Mẹ', 'Mẹ'],
    ['Má', 'Mẹ'],
    ['Bố vợ', 'Bố vợ'],
    ['Ba vợ', 'Bố vợ'],
    ['Mẹ vợ', 'Mẹ vợ'],
    ['Bố chồng', 'Bố chồng'],
    ['Me chong', 'Mẹ chồng'],
    ['Anh', 'Anh'],
    ['Chị', 'Chị'],
    ['Em', 'Em'],
    ['Anh trai', 'Anh trai'],
    ['Em gái', 'Em gái'],
    ['Ông', 'Ông'],
    ['Bà', 'Bà'],
    ['Ông nội', 'Ông nội'],
    ['Bà nội', 'Bà nội'],
    ['Ong ngoai', 'Ông ngoại'],
    ['Bà ngoại', 'Bà ngoại'],
    ['Cô', 'Cô'],
    ['Dì', 'Dì'],
    ['Chú', 'Chú'],
    ['Bác', 'Bác'],
    ['Cậu', 'Cậu'],
    ['Thím', 'Thím'],
    ['Mợ', 'Mợ'],
    ['Dượng', 'Dượng'],
    ['Người ở nhờ', 'Người ở nhờ'],
    ['Ở nhờ', 'Người ở nhờ'],
    ['Khác', 'Khác'],
    ['Quan hệ khác', 'Khác'],
    ['  con   dâu\u00a0', 'Con dâu'],
    ['Cháu ngoai', 'Cháu ngoại'],
    ['Ban than', 'Chủ hộ'],
    ['Bản thân', 'Chủ hộ'],
  ];
  it.each(cases)('%j → %s', (raw, label) => {
    expect(normalizeRelation(raw)).toEqual({ value: label, issues: [] });
  });

  it.each([
    ['Ba', 'Ba', ['Bố', 'Bà']],
    ['BA', 'Ba', ['Bố', 'Bà']],
    ['Chu', 'Chu', ['Chủ hộ', 'Chú']],
  ] as const)('unaccented %s is ambiguous → review, value as written', (raw, value, labels) => {
    const r = normalizeRelation(raw);
    expect(r.value).toBe(value);
    expect(r.issues.map((i) => [i.field, i.code, i.severity])).toEqual([['relation_to_head', 'relation_ambiguous', 'review']]);
    for (const l of labels) expect(r.issues[0].message).toContain(l);
  });

  it('keeps an unknown relation as written with a review issue', () => {
    const r = normalizeRelation('bạn thân');
    expect(r.value).toBe('Bạn thân');
    expect(r.issues.map((i) => i.code)).toEqual(['relation_unknown']);
    expect(r.issues[0].message).toContain('bạn thân');
  });

  it.each(['', '  ', '-', '\u200b'])('empty %j → null', (raw) => {
    expect(normalizeRelation(raw)).toEqual({ value: null, issues: [] });
  });
});
