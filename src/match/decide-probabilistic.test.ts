import { describe, expect, it } from 'vitest';
import type { PersonValues } from '../normalize/person-values.js';
import { decideInPhases, decideProbabilistic } from './decide-probabilistic.js';
import { hokhauModel, HOKHAU_LIBRARY } from './engine/hokhau-model.js';
import { resolveModel } from './engine/model.js';
import { person } from './engine/test-person.js';

const model = resolveModel<PersonValues>(hokhauModel(), HOKHAU_LIBRARY);
const ok = (values: PersonValues) => ({ values, outcome: 'ok' as const });

const PANH = person({ full_name: 'Lò Văn Pánh', birth_date: '1968-03-12', sex: 'M', personal_id: '011068001234', household_book_no: '123456', ethnicity: 'Thái' });
const registry = [
  { personId: 7, values: PANH },
  { personId: 8, values: person({ full_name: 'Nguyễn Văn Hùng', birth_date: '1975-05-02', sex: 'M', personal_id: '011075000111' }) },
];

describe('decideProbabilistic', () => {
  it.each([
    ['the same person with the same ID', person({ ...PANH }), 'merged'],
    ['no ID, name without diacritics, same date, same book', person({ ...PANH, full_name: 'Lo Van Panh', personal_id: null }), 'merged'],
    ['another valid ID with the same name and date: never merged', person({ ...PANH, personal_id: '011068009999' }), 'flagged'],
    ['another sex with the same name and date: never merged', person({ ...PANH, sex: 'F', personal_id: null }), 'flagged'],
    ['a different person sharing only a common name', person({ full_name: 'Nguyễn Văn Hùng', birth_date: '1990-01-01', sex: 'M', personal_id: '011090000222' }), 'new'],
    ['someone nobody has seen', person({ full_name: 'Giàng A Páo', birth_date: '1980', sex: 'M' }), 'new'],
  ])('%s', (_label, incoming, expected) => {
    const [result] = decideProbabilistic(model, [ok(incoming)], registry);
    expect(result.decision.outcome).toBe(expected);
    if (expected === 'merged') expect(result.decision).toMatchObject({ into: { personId: 7 } });
    if (expected === 'flagged') {
      expect(result.review?.into).toEqual({ personId: 7 });
      expect(result.review?.explanationVi).toMatch(/không tự gộp|[+−]\d/);
    }
  });

  it('merges a duplicate within the batch into its first record', () => {
    const a = person({ full_name: 'Giàng A Páo', birth_date: '1980-02-03', sex: 'M', household_book_no: '555', personal_id: '011080000333' });
    const decisions = decideProbabilistic(model, [ok(a), ok(person({ ...a, full_name: 'Giang A Pao' }))], []);
    expect(decisions.map((d) => d.decision)).toEqual([{ outcome: 'new' }, { outcome: 'merged', into: { batchIndex: 0 } }]);
  });

  it('keeps rejected records out and flags records with field issues whatever their pairs say', () => {
    const decisions = decideProbabilistic(model, [{ values: null, outcome: 'reject' }, { values: PANH, outcome: 'review' }], registry);
    expect(decisions[0].decision.outcome).toBe('rejected');
    expect(decisions[1].decision.outcome).toBe('flagged');
    expect(decisions[1].review?.into).toEqual({ personId: 7 });
  });

  it('does not chain: a record that contradicts someone already merged into the person goes to review', () => {
    const base = { full_name: 'Quàng Thị Ưng', birth_date: '1972-06-01', household_book_no: '777' };
    const first = person({ ...base, sex: 'F', personal_id: '011172000444' });
    const second = person({ ...base, sex: 'F' });
    const third = person({ ...base, sex: 'F', personal_id: '011172000555' });
    const outcomes = decideProbabilistic(model, [ok(first), ok(second), ok(third)], []).map((d) => d.decision.outcome);
    expect(outcomes).toEqual(['new', 'merged', 'flagged']);
  });
});

describe('household evidence, guards and remembered decisions', () => {
  // The Vàng family of book 1234 (registry) moved to another commune: the new book writes years only and no IDs.
  const family = [
    { personId: 21, householdId: 4, values: person({ full_name: 'Vàng Chá Chính', birth_date: '1990-02-19', sex: 'M', ethnicity: 'Mông', household_book_no: '1234', address_text: 'Bản Na Ngám, xã Mường Phăng', personal_id: '011090004411' }) },
    { personId: 22, householdId: 4, values: person({ full_name: 'Mùa Thị Nhìa', birth_date: '1992-09-14', sex: 'F', ethnicity: 'Mông', household_book_no: '1234', address_text: 'Bản Na Ngám, xã Mường Phăng' }) },
    { personId: 23, householdId: 4, values: person({ full_name: 'Vàng A Pó', birth_date: '2016-10-31', sex: 'M', ethnicity: 'Mông', household_book_no: '1234', address_text: 'Bản Na Ngám, xã Mường Phăng' }) },
  ];
  const moved = (full_name: string, birth_date: string, sex: 'M' | 'F') =>
    ok(person({ full_name, birth_date, sex, ethnicity: 'Mông', household_book_no: '9876', address_text: 'Bản Huổi Lóng, xã Mường Pồn' }));

  it('finds a moved family with year-only dates and a typo together, and says why', () => {
    const decisions = decideProbabilistic(model, [moved('Vàng Chá Chính', '1990', 'M'), moved('Mùa Thị Nhìa', '1992-09-14', 'F'), moved('Vàng Aa Pó', '2016-10-31', 'M')], family);
    expect(decisions.map((d) => d.decision.outcome === 'merged' ? d.decision.into : d.review?.into)).toEqual([{ personId: 21 }, { personId: 22 }, { personId: 23 }]);
    const alone = decideProbabilistic(model, [moved('Vàng Chá Chính', '1990', 'M')], family);
    expect(alone[0].decision.outcome).toBe('new');
    const flagged = decisions.find((d) => d.review);
    if (flagged) expect(flagged.review!.explanationVi).toMatch(/người khác trong hộ cũng khớp với hộ kia \+\d/);
  });

  it('in two phases asks only for the households of pairs at the support weight, and decides the same', () => {
    const records = [moved('Vàng Chá Chính', '1990', 'M'), moved('Mùa Thị Nhìa', '1992-09-14', 'F'), moved('Vàng Aa Pó', '2016-10-31', 'M')];
    // Blocking found the wife only (her full date agrees); her husband and son come with her household.
    const pending = decideInPhases(model, records, [family[1]]);
    expect(pending.householdsOf).toEqual([22]);
    expect(pending.finish(family)).toEqual(decideProbabilistic(model, records, family));
    // The father alone (year only, other book, other address) stays below the support weight: no household is read.
    expect(decideInPhases(model, [records[0]], [family[0]]).householdsOf).toEqual([]);
  });

  it.each([
    ['a son with his father\'s name in the same book', '2015-04-02', 'flagged'],
    ['two namesakes born the same year on other days', '1990-07-25', 'flagged'],
    ['the same person with day and month swapped', '1990-12-02', 'merged'],
  ])('birth dates: %s', (_label, birth_date, expected) => {
    const father = person({ full_name: 'Lò Văn Pánh', birth_date: '1990-02-12', sex: 'M', household_book_no: '123456', ethnicity: 'Thái', old_id: '040123456' });
    const [result] = decideProbabilistic(model, [ok(person({ ...father, birth_date, old_id: null }))], [{ personId: 7, values: father }]);
    expect(result.decision.outcome === 'new' ? 'flagged' : result.decision.outcome).toBe(expected);
  });

  it('never asks again about a pair a reviewer told apart', () => {
    // Reviewer said person 31 (loaded from an earlier book, flagged against 30) is not 30. A later copy of 31 arrives.
    const lenient = resolveModel<PersonValues>({ ...hokhauModel(), thresholds: { merge: 13, review: -5 } }, HOKHAU_LIBRARY);
    const thirty = person({ full_name: 'Nguyễn Thị Lan', birth_date: '1985', sex: 'F', ethnicity: 'Kinh', household_book_no: '5001' });
    const thirtyOne = person({ full_name: 'Nguyễn Thị Lan', birth_date: '1985-06-01', sex: 'F', ethnicity: 'Kinh', household_book_no: '5002' });
    const copy = ok(person({ ...thirtyOne, household_book_no: null }));
    const candidates = [{ personId: 30, values: thirty }, { personId: 31, values: thirtyOne }];
    const before = decideProbabilistic(lenient, [copy], candidates.filter((c) => c.personId === 30));
    expect(before[0].review?.into).toEqual({ personId: 30 });
    const after = decideProbabilistic(lenient, [copy], [{ ...candidates[0], differentFrom: [31] }, { ...candidates[1], differentFrom: [30] }]);
    expect(after[0].review?.into ?? (after[0].decision.outcome === 'merged' ? after[0].decision.into : null)).toEqual({ personId: 31 });
  });
});

describe('blockingKeys agree with the engine name features', async () => {
  const { blockingKeys } = await import('./blocking-keys.js');
  const { nameFeatures } = await import('./engine/comparisons/vn-name-comparison.js');
  it.each([
    person({ full_name: 'Lò Văn Pánh', given_name: 'Pánh', birth_date: '1968-03-12' }),
    person({ full_name: '  NGUYỄN  Thị Thuỷ ', birth_date: '1972' }),
    person({ full_name: 'Đèo Văn Long', family_name: 'Đèo', given_name: 'Long', birth_date: null }),
  ])('%j', (p) => {
    const f = nameFeatures(p)!;
    expect(blockingKeys(p)).toEqual({ name_fold: f.fold, given_fold: f.given, birth_year: p.birth_date?.slice(0, 4) ?? null });
  });
});
