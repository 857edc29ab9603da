import type { PersonValues } from '../normalize/person-values.js';
import type { PersonTable } from './schema.js';

/** The person columns that hold values (everything but keys, status and run bookkeeping). */
export const PERSON_VALUE_COLUMNS = [
  'full_name', 'family_name', 'middle_name', 'given_name', 'name_key', 'other_name', 'birth_date', 'sex',
  'ethnicity', 'ethnicity_code', 'ethnicity_code_list', 'religion', 'nationality', 'personal_id', 'old_id',
  'birthplace', 'native_place', 'occupation', 'relation_to_head', 'address_text', 'hamlet',
] as const satisfies readonly (keyof PersonTable & keyof PersonValues)[];

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
