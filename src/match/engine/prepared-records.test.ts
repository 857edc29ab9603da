import { describe, expect, it } from 'vitest';
import { hokhauModel, HOKHAU_LIBRARY } from './hokhau-model.js';
import { resolveModel } from './model.js';
import { prepareRecords, prepareRecordsAt } from './prepared-records.js';
import { person } from './test-person.js';

describe('prepareRecordsAt', () => {
  const model = resolveModel(hokhauModel(), HOKHAU_LIBRARY);
  const registry = [
    person({ full_name: 'Lò Văn Pánh', birth_date: '1968-03-12', personal_id: '011068001234' }),
    person({ full_name: 'Huỳnh Thị Thuỷ', birth_date: '1975' }),
    person({ full_name: 'Giàng A Páo', birth_date: '1980-02-03' }),
    person({ full_name: 'Vàng Chá Chính', birth_date: '1990-02-19' }),
  ];
  const full = prepareRecords(model, registry);

  it('prepares only the records asked for, the same as preparing all, and adds more later', () => {
    const some = prepareRecordsAt(model, registry, [2, 0, 2]);
    for (const [c] of model.comparisons.entries()) {
      expect([0, 2].map((j) => some.features[c][j])).toEqual([0, 2].map((j) => full.features[c][j]));
      expect(1 in some.features[c]).toBe(false);
      expect(3 in some.features[c]).toBe(false);
    }
    const more = prepareRecordsAt(model, registry, Int32Array.from([3]), some);
    expect(more).toBe(some);
    for (const [c] of model.comparisons.entries()) expect(more.features[c][3]).toEqual(full.features[c][3]);
    expect(1 in more.features[0]).toBe(false);
  });
});
