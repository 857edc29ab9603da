import { describe, expect, it } from 'vitest';
import { explainPair, formatWeight, renderExplanation } from './explain.js';
import { matchProbability, scorePairs } from './fellegi-sunter.js';
import { hokhauModel, HOKHAU_LIBRARY } from './hokhau-model.js';
import { resolveModel } from './model.js';
import { prepareRecords } from './prepared-records.js';
import { termFrequencies } from './term-frequency.js';
import { person } from './test-person.js';

const model = resolveModel(hokhauModel(), HOKHAU_LIBRARY);

const hung = person({
  full_name: 'Nguyễn Văn Hùng',
  birth_date: '1968-03-12',
  sex: 'M',
  personal_id: '001068001234',
  household_book_no: 'HK0123',
  address_text: 'Thôn 3, xã Tân Lập, huyện Đan Phượng',
});

describe('guards', () => {
  it.each([
    ['same person, diacritics dropped', { full_name: 'NGUYEN VAN HUNG' }, 'merge', []],
    ['two different valid personal IDs', { personal_id: '001068005678' }, 'review', ['hai số định danh hợp lệ khác nhau']],
    ['different sex', { sex: 'F' as const }, 'review', ['khác giới tính']],
    ['different sex and ID', { sex: 'F' as const, personal_id: '001168001234' }, 'review', ['hai số định danh hợp lệ khác nhau', 'khác giới tính']],
  ])('%s → %s', (_, change, decision, guards) => {
    const other = { ...hung, ...change };
    const e = explainPair(model, hung, other);
    expect(e.decision).toBe(decision);
    expect(e.guards.map((g) => g.vi)).toEqual(guards);
    const scored = scorePairs(model, prepareRecords(model, [hung]), prepareRecords(model, [other]), { left: Int32Array.of(0), right: Int32Array.of(0) });
    expect(scored.decisions[0]).toBe(decision);
    expect(scored.weights[0]).toBeCloseTo(e.weight, 9);
  });

  it('still merges when the weight is high even though one ID is missing', () => {
    expect(explainPair(model, hung, { ...hung, personal_id: null }).decision).toBe('merge');
  });

  it('keeps a different-ID pair out of merge even with every other field equal', () => {
    const e = explainPair(model, hung, { ...hung, personal_id: '034068009999' });
    expect(e.weight).toBeGreaterThan(model.spec.thresholds.merge); // the other fields alone would merge
    expect(e.parts.find((p) => p.comparison === 'personal_id')!.weight).toBeLessThan(-3);
    expect(e.decision).toBe('review');
  });
});

describe('explanation', () => {
  it('says in Vietnamese what each comparison contributed, strongest first', () => {
    const other = { ...hung, full_name: 'Nguyen Van Hung', birth_date: '1968-12-03', household_book_no: null };
    const text = renderExplanation(explainPair(model, hung, other));
    expect(text.split('; ')[0]).toMatch(/^cùng số định danh \+\d+\.\d$/);
    expect(text).toContain('họ tên giống khi bỏ dấu +');
    expect(text).toContain('ngày sinh đảo ngày và tháng +');
    expect(text).not.toContain('sổ hộ khẩu'); // null levels say nothing
  });

  it('renders negative weights with a minus sign and the guard', () => {
    const e = explainPair(model, hung, { ...hung, sex: 'F', birth_date: '1985-07-01' });
    const text = renderExplanation(e, 'vi');
    expect(text).toMatch(/ngày sinh khác −\d+\.\d/);
    expect(text).toMatch(/không tự gộp: khác giới tính$/);
    expect(renderExplanation(e, 'en')).toMatch(/birth date differs −\d+\.\d.*not merged automatically: different sex$/);
  });

  it.each([
    [12.06, '+12.1'],
    [-4, '\u22124.0'],
    [-0.01, '+0.0'],
  ])('formatWeight(%d) = %s', (w, text) => {
    expect(formatWeight(w)).toBe(text);
  });

  it('turns weights into probabilities', () => {
    expect(matchProbability(0)).toBe(0.5);
    expect(matchProbability(10)).toBeCloseTo(0.99902, 5);
  });
});

describe('term-frequency adjustment', () => {
  it('gives a common name less weight than a rare one', () => {
    const common = person({ full_name: 'Nguyễn Văn Hùng', birth_date: '1968' });
    const rare = person({ full_name: 'Giàng A Páo', birth_date: '1968' });
    const population = [...Array.from({ length: 60 }, () => common), rare, ...Array.from({ length: 3939 }, (_, i) => person({ full_name: `Trần Văn Tên${i}` }))];
    const tf = termFrequencies(model, prepareRecords(model, population));
    const nameWeight = (p: typeof common) => explainPair(model, p, p, tf).parts.find((x) => x.comparison === 'name')!.weight;
    const plain = explainPair(model, common, common).parts.find((x) => x.comparison === 'name')!.weight;
    expect(nameWeight(common)).toBeLessThan(plain);
    expect(nameWeight(rare)).toBeGreaterThan(plain);
    expect(nameWeight(rare) - nameWeight(common)).toBeCloseTo(Math.log2(60), 5);
  });
});
