import type { PersonValues } from '../normalize/person-values.js';
import type { PersonTable } from './schema.js';

/** The person columns that hold values (everything but keys, status and run bookkeeping). */
export const PERSON_VALUE_COLUMNS = [
  'full_name', 'family_name', 'middle_name', 'given_name', 'name_key', 'other_name', 'birth_date', 'sex',
  'ethnicity', 'ethnicity_code', 'ethnicity_code_list', 'religion', 'nationality', 'personal_id', 'old_id',
  'birthplace', 'native_place', 'occupation', 'relation_to_head', 'address_text', 'hamlet',
] as const satisfies readonly (keyof PersonTable & keyof PersonValues)[];

/**
 * The person columns the matcher reads (the hộ khẩu model's comparisons, guards and blocking rules): a candidate is
 * read with these only, the other values left null. A 1M-person registry gives a 100k batch ≈ 2.7M candidates, and
 * reading every column of each was a fifth of the batch's time; merges and reviews read the whole person again.
 */
export const MATCH_VALUE_COLUMNS = [
  'full_name', 'family_name', 'middle_name', 'given_name', 'other_name', 'birth_date', 'sex', 'ethnicity', 'ethnicity_code',
  'personal_id', 'old_id', 'address_text', 'hamlet',
] as const satisfies readonly (typeof PERSON_VALUE_COLUMNS)[number][];

/**
 * A candidate's values from its MATCH_VALUE_COLUMNS, read as an array in that order (the other value columns null).
 * Written out as one literal: every candidate gets the same object shape, which the comparisons read millions of times.
 */
export function matchValuesFromRow(row: readonly unknown[], bookNo: string | null): PersonValues {
  const [full_name, family_name, middle_name, given_name, other_name, birth_date, sex, ethnicity, ethnicity_code, personal_id, old_id,
    address_text, hamlet] = row;
  return {
    full_name, family_name, middle_name, given_name, name_key: null, other_name, birth_date, sex,
    ethnicity, ethnicity_code, ethnicity_code_list: null, religion: null, nationality: null,
    personal_id, old_id, birthplace: null, native_place: null, occupation: null,
    household_book_no: bookNo, relation_to_head: null, address_text, hamlet,
  } as unknown as PersonValues;
}

/** Reads a stored person's values back into the shape normalizers produce (book number comes from the household). */
export function personValuesFromRow(row: Pick<PersonTable, (typeof PERSON_VALUE_COLUMNS)[number]>, bookNo: string | null): PersonValues {
  const values = { household_book_no: bookNo } as Record<string, unknown>;
  for (const column of PERSON_VALUE_COLUMNS) values[column] = row[column];
  return values as unknown as PersonValues;
}

/** The value columns of a person row. */
export function personRowValues(values: PersonValues): Pick<PersonTable, (typeof PERSON_VALUE_COLUMNS)[number]> {
  const row = {} as Record<string, unknown>;
  for (const column of PERSON_VALUE_COLUMNS) row[column] = values[column];
  return row as Pick<PersonTable, (typeof PERSON_VALUE_COLUMNS)[number]>;
}
