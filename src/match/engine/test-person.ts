import type { PersonValues } from '../../normalize/person-values.js';
import { foldKey } from '../../normalize/vietnamese-text.js';

/** A PersonValues for tests: the given fields, every other field null. */
export function person(values: Partial<PersonValues> & { full_name: string }): PersonValues {
  return {
    family_name: null,
    middle_name: null,
    given_name: null,
    name_key: foldKey(values.full_name),
    other_name: null,
    birth_date: null,
    sex: null,
    ethnicity: null,
    ethnicity_code: null,
    ethnicity_code_list: null,
    religion: null,
    nationality: null,
    personal_id: null,
    old_id: null,
    birthplace: null,
    native_place: null,
    occupation: null,
    household_book_no: null,
    relation_to_head: null,
    address_text: null,
    hamlet: null,
    ...values,
  };
}
