import { describe, expect, it } from 'vitest';
import { writtenValue } from './write-run-reports.js';

describe('writtenValue (review-fields.csv)', () => {
  it.each([
    [{ personal_id: '011068001234' }, 'personal_id', '011068001234'],
    [{ id_any: '011068001234' }, 'personal_id', '011068001234'],
    [{ family_middle: 'Lò Văn', given_name: 'Pánh' }, 'full_name', 'Lò Văn Pánh'],
    [{ birth_day: '31', birth_month: '2', birth_year: '1968' }, 'birth_date', '31/2/1968'],
    [{ birth_year_female: '1972' }, 'birth_date', '1972'],
    [{ hamlet: 'Bản Na Ngam', commune: 'Mường Phăng' }, 'address', 'Bản Na Ngam, Mường Phăng'],
    [{ ethnicity: 'Tày Pọng' }, 'ethnicity', 'Tày Pọng'],
    [{}, 'sex', ''],
  ])('%j %s → %s', (raw, field, expected) => {
    expect(writtenValue(raw, field)).toBe(expected);
  });
});
