import type { RawField } from './source-record.js';

/** One way a canonical field can be written: these raw fields, joined like this to show what was written. */
export interface WrittenForm {
  fields: readonly RawField[];
  join: string;
}

/**
 * Canonical fields that sources write over several raw fields (a name in two columns, a date in three, an address
 * split into thôn/xã/huyện/tỉnh), in the order they are looked for; any other field is its own raw field. The
 * report shows reviewers what was written from it, and reviewers' corrections are written back through it.
 *
 * @example
 * WRITTEN_FORMS.birth_date[1] // { fields: ['birth_day', 'birth_month', 'birth_year'], join: '/' }
 */
export const WRITTEN_FORMS: Readonly<Record<string, readonly WrittenForm[]>> = {
  personal_id: [{ fields: ['personal_id'], join: '' }, { fields: ['id_any'], join: '' }],
  old_id: [{ fields: ['old_id'], join: '' }, { fields: ['id_any'], join: '' }],
  full_name: [{ fields: ['full_name'], join: '' }, { fields: ['family_middle', 'given_name'], join: ' ' }],
  birth_date: [
    { fields: ['birth_date'], join: '' },
    { fields: ['birth_day', 'birth_month', 'birth_year'], join: '/' },
    { fields: ['birth_year_male'], join: '' },
    { fields: ['birth_year_female'], join: '' },
  ],
  address: [{ fields: ['address'], join: '' }, { fields: ['hamlet', 'commune', 'district', 'province'], join: ', ' }],
};
