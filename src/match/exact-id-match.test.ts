import { describe, expect, it } from 'vitest';
import type { PersonValues } from '../normalize/person-values.js';
import { decideExactIdMatches } from './exact-id-match.js';
import type { RegistryCandidate } from './match-decision.js';
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
    ['rejected record', [{ values: null, outcome: 'reject' as const }], [], ['rejected']],
    ['review record is never merged', [{ values: person({ personal_id: id }), outcome: 'review' as const }], registered(7), ['flagged']],
    ['no ID is new', [{ values: person({}), outcome: 'ok' as const }], registered(7), ['new']],
    ['registry ID merges', [{ values: person({ personal_id: id }), outcome: 'ok' as const }], registered(7), ['merged']],
    ['unknown ID is new', [{ values: person({ personal_id: id }), outcome: 'ok' as const }], [], ['new']],
    ['the same name and date without an ID is never merged here', [{ values: person({ birth_date: '1968-03-12' }), outcome: 'ok' as const }], [{ personId: 7, values: person({ birth_date: '1968-03-12' }) }], ['new']],
  ])('%s', (_label, records, registry, expected) => {
    expect(decideExactIdMatches(records, registry).map((d) => d.decision.outcome)).toEqual(expected);
  });

  function registered(personId: number): RegistryCandidate[] {
    return [{ personId, values: person({ personal_id: id }) }];
  }

  it('merges a repeated ID within the batch into its first record', () => {
    const records = [
      { values: person({ personal_id: id }), outcome: 'ok' as const },
      { values: person({ personal_id: '011068009999' }), outcome: 'ok' as const },
      { values: person({ personal_id: id }), outcome: 'ok' as const },
    ];
    expect(decideExactIdMatches(records, []).map((d) => d.decision)).toEqual([
      { outcome: 'new' },
      { outcome: 'new' },
      { outcome: 'merged', into: { batchIndex: 0 } },
    ]);
  });

  it('points at the registry person id', () => {
    const [result] = decideExactIdMatches([{ values: person({ personal_id: id }), outcome: 'ok' }], registered(42));
    expect(result.decision).toEqual({ outcome: 'merged', into: { personId: 42 } });
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
