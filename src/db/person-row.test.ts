import { describe, expect, it } from 'vitest';
import { HOKHAU_LIBRARY, hokhauModel } from '../match/engine/hokhau-model.js';
import { resolveModel } from '../match/engine/model.js';
import { person } from '../match/engine/test-person.js';
import { MATCH_VALUE_COLUMNS, matchValuesFromRow, personRowValues, personValuesFromRow } from './person-row.js';

describe('matchValuesFromRow', () => {
  const model = resolveModel(hokhauModel(), HOKHAU_LIBRARY);
  const full = person({
    full_name: 'Lò Thị Hương', family_name: 'Lò', middle_name: 'Thị', given_name: 'Hương', other_name: 'Lò Thị Ín',
    birth_date: '1968-03-12', sex: 'F', ethnicity: 'Thái', ethnicity_code: '04', ethnicity_code_list: 'QD121-1979',
    religion: 'Không', nationality: 'Việt Nam', personal_id: '011168001234', old_id: '040123456', birthplace: 'Mường Phăng',
    native_place: 'Điện Biên', occupation: 'Làm ruộng', household_book_no: '110234567', relation_to_head: 'Vợ',
    address_text: 'Bản Na Sang, xã Mường Phăng, huyện Điện Biên, tỉnh Điện Biên', hamlet: 'Bản Na Sang',
  });
  const row = personRowValues(full);
  const candidate = matchValuesFromRow(MATCH_VALUE_COLUMNS.map((column) => row[column]), full.household_book_no);
  const other = person({ full_name: 'Lo Thi Huong', birth_date: '1968-12-03', sex: 'M', personal_id: '011168009999', old_id: '040123456' });

  it('reads every value the matcher compares, blocks on or guards with', () => {
    model.comparisons.forEach((c) => expect(c.prepare(candidate), c.name).toEqual(c.prepare(full)));
    model.blockingRules.forEach((rule) => expect(rule.keys(candidate), rule.name).toEqual(rule.keys(full)));
    model.guards.forEach((g) => expect(g.contradicts(candidate, other), g.name).toBe(g.contradicts(full, other)));
  });

  it('leaves the values the matcher does not read null', () => {
    expect(candidate.occupation).toBeNull();
    expect(candidate.birthplace).toBeNull();
    expect(personValuesFromRow(personRowValues(full), full.household_book_no)).toEqual(full);
  });
});
