/**
 * What each entry of a page says, as written in the book, and the truth kept for it: the value under the
 * project's raw field name (src/ingest/source-record.ts) plus normalized values where they are known.
 *
 * @example
 * const m = memberContent(household.members[1], edition);
 * m.values.sex;          // 'Nữ'
 * m.fields.birth_date;   // '12/03/1968'
 * m.expected.birth_date; // '1968-03-12'
 */
import type { RawField } from '../../src/ingest/source-record.js';
import type { DateStyle, PrintEdition, Slot } from './print-editions.js';
import type { ScanHousehold, ScanMember } from './scan-household.js';

/** Truth keys: raw fields, plus two entries the reader reads and throws away. */
export type TruthField = RawField | 'passport' | 'previous_address';

/** Normalized values the benchmark compares against after normalization. */
export interface ExpectedValues {
  /** ISO with precision ('1968', '1968-03', '1968-03-12'). */
  birth_date?: string;
  sex?: 'M' | 'F';
  personal_id?: string;
  old_id?: string;
  relation_to_head?: string;
  ethnicity?: string;
  /** GSO code of the (pre-2025) commune of the household address. */
  commune_code?: string;
}

export interface PageContent {
  /** Text for each slot; a missing slot is printed as a dotted leader only. */
  values: Partial<Record<Slot, string>>;
  fields: Partial<Record<TruthField, string>>;
  expected: ExpectedValues;
}

/** The member page's entries in the edition's wording of dates and ID slots. */
export function memberContent(m: ScanMember, edition: PrintEdition): PageContent {
  const p = m.person;
  const cmnd = p.oldId ?? p.personalId;
  const values: Partial<Record<Slot, string>> = {
    relation: p.relation,
    full_name: p.fullName,
    other_name: m.otherName ?? undefined,
    birth_date: formatBirthDate(p.birthDate, edition.dateStyle),
    sex: p.sex === 'M' ? 'Nam' : 'Nữ',
    birthplace: p.birthplace,
    native_place: p.nativePlace,
    ethnicity: p.ethnicity,
    religion: p.religion,
    nationality: 'Việt Nam',
    cmnd: cmnd ?? undefined,
    personal_id: p.personalId ?? undefined,
    passport: m.passport ?? undefined,
    occupation: p.occupation,
    previous_address: m.previousAddress ?? undefined,
  };
  const slots = printedSlots(edition.memberRows);
  // An edition with both a personal-ID line and a CMND line puts only the 9-digit number on the CMND line.
  if (slots.has('personal_id') && slots.has('cmnd')) values.cmnd = p.oldId ?? undefined;
  const fields: Partial<Record<TruthField, string>> = {};
  for (const slot of slots) {
    const v = values[slot];
    if (v === undefined || v === '') continue;
    const key = slot === 'cmnd' ? (v.length === 12 ? 'personal_id' : 'old_id') : MEMBER_KEYS[slot];
    if (key) fields[key] = v;
  }
  const expected: ExpectedValues = {
    birth_date: p.birthDate,
    sex: p.sex,
    relation_to_head: p.relation,
    ethnicity: p.ethnicity,
  };
  if (fields.personal_id) expected.personal_id = fields.personal_id;
  if (fields.old_id) expected.old_id = fields.old_id;
  return { values, fields, expected };
}

/** The household page's entries: book number, head and the address (one line or unit by unit). */
export function householdContent(h: ScanHousehold, edition: PrintEdition): PageContent {
  const a = h.household.address;
  const commune = `${a.communeType.toLowerCase()} ${a.commune}`;
  const district = `${a.districtType.toLowerCase()} ${a.district}`;
  const address = [h.houseNo ? `Số nhà ${h.houseNo}` : null, a.hamlet, commune, district, `tỉnh ${a.province}`]
    .filter((s) => s !== null).join(', ');
  const values: Partial<Record<Slot, string>> = {
    book_no: h.bookNo,
    head: h.head,
    address,
    house_no: h.houseNo ?? undefined,
    hamlet: a.hamlet,
    commune: a.commune,
    district: a.district,
    province: a.province,
  };
  const fields: Partial<Record<TruthField, string>> = {};
  for (const slot of printedSlots(edition.householdRows)) {
    const v = values[slot];
    if (v === undefined) continue;
    // The reader joins "Số nhà" into the address the way the printed label reads.
    if (slot === 'house_no') fields.address = `Số nhà ${v}`;
    else {
      const key = HOUSEHOLD_KEYS[slot];
      if (key) fields[key] = v;
    }
  }
  return { values, fields, expected: { commune_code: a.communeCode } };
}

const MEMBER_KEYS: Partial<Record<Slot, TruthField>> = {
  relation: 'relation_to_head', full_name: 'full_name', other_name: 'other_name', birth_date: 'birth_date', sex: 'sex',
  birthplace: 'birthplace', native_place: 'native_place', ethnicity: 'ethnicity', religion: 'religion',
  nationality: 'nationality', personal_id: 'personal_id', passport: 'passport', occupation: 'occupation',
  previous_address: 'previous_address',
};

const HOUSEHOLD_KEYS: Partial<Record<Slot, TruthField>> = {
  book_no: 'household_book_no', head: 'household_head', address: 'address', hamlet: 'hamlet', commune: 'commune',
  district: 'district', province: 'province',
};

function printedSlots(rows: PrintEdition['memberRows']): Set<Slot> {
  return new Set(rows.flatMap((row) => row.map((f) => f.slot)));
}

/**
 * A birth date in the edition's style; year-only and month-year dates stay partial.
 *
 * @example
 * formatBirthDate('1968-03-02', 'd/m/yyyy'); // '2/3/1968'
 * formatBirthDate('1968-03', 'dd.mm.yyyy');  // '03.1968'
 */
export function formatBirthDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-');
  const sep = style === 'dd-mm-yyyy' ? '-' : style === 'dd.mm.yyyy' ? '.' : '/';
  const pad = (s: string): string => (style === 'd/m/yyyy' ? String(Number(s)) : s);
  return [d, m].filter((s) => s !== undefined).map(pad).concat(y).join(sep);
}
