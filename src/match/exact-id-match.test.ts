import { describe, expect, it } from 'vitest';
import type { PersonValues } from '../normalize/person-values.js';
import { decideExactIdMatches } from './exact-id-match.js';
import { mergePersonValues } from './merge-person-values.js';

function person(overrides: Partial<PersonValues>): PersonValues {
  return {
    full_name: 'Lò Văn Pánh', family_name: 'Lò', middle_name: 'Văn', given_name: 'Pánh', name_key: 'lo van panh',
    other_name: null, birth_date: '1968', sex: 'M', ethnicity: 'Thái', ethnicity_code: '03', ethnicity_code_list: 'QD121-1979',
    religion: null, nationality: 'Việt Nam', personal_id: null, old_id: null, birthplace: null, native_place: null,
    occupation: null, household_book_no: null, relation_to_head: null, address_text: null, hamlet: null, ...overrides,
  };
}

describe('decideExactIdMatches', () => {
  const id = '011068001234';
  it.each([
    ['rejected record', [{ values: null, outcome: 'reject' as const }], new Map(), ['rejected']],
    ['review record is never merged', [{ values: person({ personal_id: id }), outcome: 'review' as const }], new Map([[id, 7]]), ['flagged']],
    ['no ID is new', [{ values: person({}), outcome: 'ok' as const }], new Map([[id, 7]]), ['new']],
    ['registry ID merges', [{ values: person({ personal_id: id }), outcome: 'ok' as const }], new Map([[id, 7]]), ['merged']],
    ['unknown ID is new', [{ values: person({ personal_id: id }), outcome: 'ok' as const }], new Map(), ['new']],
  ])('%s', (_label, records, registry, expected) => {
    expect(decideExactIdMatches(records, registry as Map<string, number>).map((d) => d.outcome)).toEqual(expected);
  });

  it('merges a repeated ID within the batch into its first record', () => {
    const records = [
      { values: person({ personal_id: id }), outcome: 'ok' as const },
      { values: person({ personal_id: '011068009999' }), outcome: 'ok' as const },
      { values: person({ personal_id: id }), outcome: 'ok' as const },
    ];
    expect(decideExactIdMatches(records, new Map())).toEqual([
      { outcome: 'new' },
      { outcome: 'new' },
      { outcome: 'merged', into: { batchIndex: 0 } },
    ]);
  });

  it('points at the registry person id', () => {
    const [decision] = decideExactIdMatches([{ values: person({ personal_id: id }), outcome: 'ok' }], new Map([[id, 42]]));
    expect(decision).toEqual({ outcome: 'merged', into: { personId: 42 } });
  });
});

describe('mergePersonValues', () => {
  it('fills missing fields and keeps known ones', () => {
    const merged = mergePersonValues(person({ occupation: null, religion: 'Không' }), person({ occupation: 'Làm ruộng', religion: 'Phật giáo' }));
    expect(merged.occupation).toBe('Làm ruộng');
    expect(merged.religion).toBe('Không');
  });

  it.each([
    ['1968', '1968-03-12', '1968-03-12'],
    ['1968-03', '1968-03-12', '1968-03-12'],
    ['1968-03-12', '1968', '1968-03-12'],
    ['1968', '1969-03-12', '1968'],
    [null, '1969', '1969'],
  ])('birth date %s + %s → %s', (a, b, expected) => {
    expect(mergePersonValues(person({ birth_date: a }), person({ birth_date: b })).birth_date).toBe(expected);
  });
});
