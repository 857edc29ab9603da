/**
 * How a field read from a scan is compared with the truth: both sides go through the project's own normalizer
 * (normalizeRecord, the one spreadsheets and scans share), so "26/02/1976" and "26-02-1976" are the same date,
 * "GIÀNG A SÌNH" and "Giàng A Sình" the same name, and an ID is compared on its digits. A value no normalizer
 * accepts is compared on its text (NFC, spaces collapsed), so two unusable values still agree only if equal.
 */
import type { RawField, SourceRecord } from '../../src/ingest/source-record.js';
import { normalizeRecord } from '../../src/normalize/normalize-record.js';
import type { PersonValues } from '../../src/normalize/person-values.js';
import { cerText } from './levenshtein.js';

/**
 * The fields the benchmark scores: what hokhau reads from member and household pages. The generator's
 * `passport` and `previous_address` are printed but not read by hokhau, and the household page's head is read but
 * not carried to the records (the head has a member page of their own), so they are not scored.
 */
export const SCORED_FIELDS = [
  'full_name', 'other_name', 'birth_date', 'sex', 'relation_to_head', 'ethnicity', 'religion', 'nationality',
  'personal_id', 'old_id', 'id_any', 'birthplace', 'native_place', 'occupation',
  'household_book_no', 'address', 'hamlet', 'commune', 'district', 'province',
] as const satisfies readonly RawField[];

export type ScoredField = (typeof SCORED_FIELDS)[number];

/** The fields a household page carries to its members. */
export const HOUSEHOLD_PAGE_FIELDS: readonly ScoredField[] = ['household_book_no', 'address', 'hamlet', 'commune', 'district', 'province'];

export function isScoredField(field: string): field is ScoredField {
  return (SCORED_FIELDS as readonly string[]).includes(field);
}

/** A name that is surely valid, so normalizeRecord returns values for a record holding only the field under test. */
const PROBE_NAME = 'Nguyễn Văn An';

/** Where each field's canonical value lands in PersonValues. */
const VALUE_OF: Record<ScoredField, (v: PersonValues) => string | null> = {
  full_name: (v) => v.full_name,
  other_name: (v) => v.other_name,
  birth_date: (v) => v.birth_date,
  sex: (v) => v.sex,
  relation_to_head: (v) => v.relation_to_head,
  ethnicity: (v) => v.ethnicity,
  religion: (v) => v.religion,
  nationality: (v) => v.nationality,
  personal_id: ids,
  old_id: ids,
  id_any: ids,
  birthplace: (v) => v.birthplace,
  native_place: (v) => v.native_place,
  occupation: (v) => v.occupation,
  household_book_no: (v) => v.household_book_no,
  address: (v) => v.address_text,
  hamlet: (v) => v.hamlet,
  commune: (v) => v.address_text,
  district: (v) => v.address_text,
  province: (v) => v.address_text,
};

function ids(v: PersonValues): string | null {
  const parts = [v.personal_id, v.old_id].filter((p): p is string => p !== null && p !== '');
  return parts.length > 0 ? parts.join('|') : null;
}

/**
 * The value a field is compared on: its canonical value from normalizeRecord (run on a record holding only this
 * field), or `text:` and its collapsed text when no normalizer
 * accepts it. Null only for an empty value.
 *
 * @example
 * comparisonKey('birth_date', '26/02/1976', today);   // '1976-02-26'
 * comparisonKey('full_name', 'GIÀNG A SÌNH', today);  // 'Giàng A Sình'
 * comparisonKey('personal_id', '011 076 775 642', today); // '011076775642'
 */
export function comparisonKey(field: ScoredField, text: string | null | undefined, today: Date): string | null {
  const written = cerText(text);
  if (written === '') return null;
  const record: SourceRecord = {
    locator: { file: 'bench', sheet: null, row: null, page: null },
    raw: { full_name: PROBE_NAME, [field]: written },
    confidence: {},
    householdKey: null,
  };
  // No default nationality: a read nationality the normalizer drops must not come back as "Việt Nam".
  const { values } = normalizeRecord(record, { today, defaultNationality: '' });
  const value = values ? VALUE_OF[field](values) : null;
  return value !== null && value !== '' ? value : `text:${written}`;
}

/**
 * Whether a read value is the truth after normalization. A field the scan did not yield (null or empty) is a miss.
 *
 * @example
 * sameValue('sex', 'Nam', 'nam', today);        // true
 * sameValue('birth_date', '05/02/1978', '05/02/1976', today); // false
 * sameValue('religion', 'Không', null, today);  // false (missing)
 */
export function sameValue(field: ScoredField, truth: string, read: string | null | undefined, today: Date): boolean {
  const readKey = comparisonKey(field, read, today);
  return readKey !== null && readKey === comparisonKey(field, truth, today);
}
