import type { RawField, SourceRecord } from '../ingest/source-record.js';
import type { Issue, Normalized, Severity } from './issue.js';
import type { PersonValues } from './person-values.js';
import { memoize } from './memoize.js';
import { normalizeDate, normalizeDateParts } from './date.js';
import { FOREIGNER, normalizeEthnicity, type Ethnicity } from './ethnicity.js';
import { nameKey, normalizeName, normalizeNameParts, type PersonName } from './name.js';
import { checkPersonalId, normalizeIds } from './personal-id.js';
import { normalizeRelation } from './relation.js';
import { normalizeSex } from './sex.js';
import {
  normalizeHouseholdBookNo, normalizeNationality, normalizeOccupation, normalizeOtherName, normalizePlace,
  normalizeReligion,
} from './simple-fields.js';

/** One record after normalization and validation. */
export interface NormalizedRecord {
  /** Canonical values; null only when there is no usable name (the record is then rejected). */
  values: PersonValues | null;
  /** Every issue of every field, each naming the raw field it is about. */
  issues: Issue[];
  /** 'reject' if any reject issue, else 'review' if any review issue, else 'ok'. */
  outcome: 'ok' | 'review' | 'reject';
}

export interface NormalizeRecordOptions {
  /** Reference day for future-date checks (the run's date, injected so results are reproducible). */
  today: Date;
  /** Nationality when the record has none; 'Việt Nam' unless a pipeline says otherwise. */
  defaultNationality?: string;
}

/**
 * Below this OCR confidence (the field's weakest word) a field goes to a reviewer. Chosen on bench:ocr's
 * calibration (159 generated pages, three damage levels): misreads that pass every field check sit at 0.80–0.85;
 * from 0.85 the silent error rate is 0% clean, 0% moderate and 0.4% poor (0.2% / 0.6% / 0.6% at 0.80), for
 * about 6 more fields in 100 to review.
 */
export const LOW_CONFIDENCE = 0.85;
/**
 * Digits no check can verify ask more: a misread digit in an ID's random part, a book number or a house number
 * passes every check (and in an ID joins the person to another's number). On bench:ocr (seed 11, 102 pages)
 * every ID misread above 0.85 sat below 0.90, for about one ID in six more to review.
 */
const DIGITS_CONFIDENCE = 0.9;
const UNCHECKED_DIGIT_FIELDS: ReadonlySet<RawField> = new Set(['personal_id', 'old_id', 'id_any', 'household_book_no', 'address', 'hamlet']);
const ADDRESS_PARTS: readonly RawField[] = ['hamlet', 'commune', 'district', 'province'];

/**
 * Normalizes every field of a source record and decides its outcome. Never throws: a normalizer that
 * fails is reported as a review issue on its field.
 *
 * @example
 * normalizeRecord(
 *   { locator, raw: { full_name: 'LÒ VĂN PÁNH', birth_year_male: '1968', ethnicity: 'Thái' }, confidence: {}, householdKey: null },
 *   { today: new Date('2025-06-01') },
 * ); // { values: { full_name: 'Lò Văn Pánh', sex: 'M', birth_date: '1968', ethnicity: 'Thái', … }, issues: [], outcome: 'ok' }
 */
export function normalizeRecord(record: SourceRecord, options: NormalizeRecordOptions): NormalizedRecord {
  const issues: Issue[] = [];
  let values: PersonValues | null = null;
  try {
    values = normalizeFields(record, options, issues);
    addLowConfidence(record, issues);
  } catch (error) {
    issues.push(issue('record', 'normalize_failed', 'reject', `Lỗi khi chuẩn hoá bản ghi: ${describe(error)}`));
  }
  return { values, issues, outcome: outcomeOf(issues) };
}

/** 'reject' if any reject issue, else 'review' if any review issue, else 'ok'. */
export function outcomeOf(issues: readonly Issue[]): NormalizedRecord['outcome'] {
  if (issues.some((i) => i.severity === 'reject')) return 'reject';
  if (issues.some((i) => i.severity === 'review')) return 'review';
  return 'ok';
}

const SEP = '\u0001';

// Normalizers remembered by their input: the same few hundred spellings (Thái, Chủ hộ, Không, Nam, bản names)
// come back on every row of a 100k-record night. Cached answers never leave this module uncopied.
const nameOf = memoize(normalizeName);
const namePartsOf = memoize((key) => {
  const [familyMiddle, given] = key.split(SEP);
  return normalizeNameParts(familyMiddle, given);
});
/** Date keys carry the reference day, so a cached "future date" answer is never reused for another day. */
const dateOf = memoize((key) => {
  const [time, text] = key.split(SEP);
  return normalizeDate(text, { today: new Date(Number(time)) });
});
const datePartsOf = memoize((key) => {
  const [time, day, month, year] = key.split(SEP);
  return normalizeDateParts(day, month, year, { today: new Date(Number(time)) });
});
const sexOf = memoize(normalizeSex);
const ethnicityOf = memoize(normalizeEthnicity);
const relationOf = memoize(normalizeRelation);
const religionOf = memoize(normalizeReligion);
const nationalityOf = memoize(normalizeNationality);
const occupationOf = memoize(normalizeOccupation);
const placeOf = memoize(normalizePlace);
const otherNameOf = memoize(normalizeOtherName);
const bookNoOf = memoize(normalizeHouseholdBookNo);

/** Reads raw fields of one record and collects the issues of the normalizers run on them. */
class FieldReader {
  constructor(
    private readonly record: SourceRecord,
    readonly issues: Issue[],
  ) {}

  raw(field: RawField): string {
    const v: unknown = this.record?.raw?.[field];
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  }

  has(field: RawField): boolean {
    return this.raw(field).trim() !== '';
  }

  /** Runs one normalizer, files its issues under the raw field(s) it read, and never lets it throw. */
  take<T>(fields: readonly RawField[], normalize: (key: string) => Normalized<T>, key: string): T | null {
    try {
      const result = normalize(key);
      for (const i of result.issues) {
        this.issues.push({ ...i, field: fields.includes(i.field as RawField) ? i.field : fields[0] });
      }
      return result.value;
    } catch (error) {
      this.issues.push(issue(fields[0], 'normalizer_failed', 'review', `Không chuẩn hoá được '${this.raw(fields[0])}': ${describe(error)}`));
      return null;
    }
  }

  /** A single-column field: null without a normalizer run when the cell is empty. */
  field<T>(field: RawField, normalize: (key: string) => Normalized<T>): T | null {
    return this.has(field) ? this.take([field], normalize, this.raw(field)) : null;
  }
}

function normalizeFields(record: SourceRecord, options: NormalizeRecordOptions, issues: Issue[]): PersonValues | null {
  const r = new FieldReader(record, issues);
  const time = String(options.today.getTime());

  let name: PersonName | null = null;
  if (r.has('full_name')) name = r.field('full_name', nameOf);
  else if (r.has('family_middle') || r.has('given_name')) {
    name = r.take(['given_name', 'family_middle'], namePartsOf, r.raw('family_middle') + SEP + r.raw('given_name'));
  } else issues.push(issue('full_name', 'name_missing', 'reject', 'Thiếu họ tên'));
  if (name === null && !issues.some((i) => i.severity === 'reject')) {
    const written = r.raw('full_name') || `${r.raw('family_middle')} ${r.raw('given_name')}`.trim();
    issues.push(issue('full_name', 'name_invalid', 'reject', `Họ tên không dùng được: '${written}'`));
  }

  // "Năm sinh" split into Nam / Nữ columns: the column holding the year gives the sex.
  const male = r.has('birth_year_male');
  const female = r.has('birth_year_female');
  const columnSex = male && !female ? 'M' : female && !male ? 'F' : null;
  if (male && female) {
    issues.push(issue('birth_year_male', 'birth_year_both_sexes', 'review',
      `Năm sinh ghi ở cả cột Nam ('${r.raw('birth_year_male')}') và cột Nữ ('${r.raw('birth_year_female')}')`));
  }
  let birthDate: string | null = null;
  if (r.has('birth_date')) birthDate = r.take(['birth_date'], dateOf, time + SEP + r.raw('birth_date'));
  else if (r.has('birth_day') || r.has('birth_month') || r.has('birth_year')) {
    const key = [time, r.raw('birth_day'), r.raw('birth_month'), r.raw('birth_year')].join(SEP);
    birthDate = r.take(['birth_year', 'birth_day', 'birth_month'], datePartsOf, key);
  } else if (male || female) {
    const m = male ? r.take(['birth_year_male'], dateOf, time + SEP + r.raw('birth_year_male')) : null;
    const f = female ? r.take(['birth_year_female'], dateOf, time + SEP + r.raw('birth_year_female')) : null;
    birthDate = male && female ? (m === f ? m : null) : (m ?? f);
  }
  const birthYear = birthDate !== null && /^\d{4}/.test(birthDate) ? Number(birthDate.slice(0, 4)) : null;

  let sex = r.field('sex', sexOf);
  if (sex !== null && columnSex !== null && sex !== columnSex) {
    issues.push(issue('sex', 'sex_conflict', 'review',
      `Giới tính ghi '${r.raw('sex')}' nhưng năm sinh nằm ở cột ${columnSex === 'M' ? 'Nam' : 'Nữ'}`));
  }
  sex = sex ?? columnSex;

  const ids = r.take(['personal_id', 'old_id', 'id_any'], () =>
    normalizeIds({ personal_id: r.raw('personal_id'), old_id: r.raw('old_id'), id_any: r.raw('id_any') }), '');
  if (ids?.personal_id) {
    const idIssues = checkPersonalId(ids.personal_id, { birthYear, sex });
    issues.push(...idIssues);
    if (idIssues.length === 0 && birthYear !== null && sex !== null) acceptRestoredLeadingZero(issues);
  }

  const ethnicity = r.field('ethnicity', ethnicityOf);
  const [hamlet, ...upper] = ADDRESS_PARTS.map((f) => r.field(f, placeOf));
  const addressParts = [hamlet, ...upper].filter((p): p is string => p !== null);

  if (name === null) return null;
  return {
    full_name: name.full,
    family_name: name.family,
    middle_name: name.middle,
    given_name: name.given,
    name_key: safeNameKey(name.full),
    other_name: r.field('other_name', otherNameOf),
    birth_date: birthDate,
    sex,
    ethnicity: ethnicity?.name ?? null,
    ethnicity_code: ethnicity?.code ?? null,
    ethnicity_code_list: ethnicity?.codeList ?? null,
    religion: r.field('religion', religionOf),
    nationality: r.field('nationality', nationalityOf) ?? defaultNationality(ethnicity, options, issues),
    personal_id: ids?.personal_id ?? null,
    old_id: ids?.old_id ?? null,
    birthplace: r.field('birthplace', placeOf),
    native_place: r.field('native_place', placeOf),
    occupation: r.field('occupation', occupationOf),
    household_book_no: r.field('household_book_no', bookNoOf),
    relation_to_head: r.field('relation_to_head', relationOf),
    address_text: r.field('address', placeOf) ?? (addressParts.length > 0 ? addressParts.join(', ') : null),
    hamlet,
  };
}

/** The pipeline's default, except for a foreigner: there the default would be a wrong guess. */
function defaultNationality(ethnicity: Ethnicity | null, options: NormalizeRecordOptions, issues: Issue[]): string | null {
  if (ethnicity !== null && ethnicity.code === null && ethnicity.name === FOREIGNER) {
    issues.push(issue('nationality', 'nationality_missing_foreigner', 'warning', 'Người nước ngoài không ghi quốc tịch'));
    return null;
  }
  return options.defaultNationality ?? 'Việt Nam';
}

function safeNameKey(full: string): string {
  try {
    return nameKey(full);
  } catch {
    return full.toLowerCase();
  }
}

/** OCR fields read with low confidence go to a reviewer, whatever their value looks like. */
function addLowConfidence(record: SourceRecord, issues: Issue[]): void {
  for (const [field, confidence] of Object.entries(record?.confidence ?? {})) {
    const value = record.raw?.[field as RawField];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const threshold = UNCHECKED_DIGIT_FIELDS.has(field as RawField) && /\d/.test(value) ? DIGITS_CONFIDENCE : LOW_CONFIDENCE;
    if (typeof confidence !== 'number' || confidence >= threshold) continue; // NaN is low: < and >= both fail
    const percent = Number.isFinite(confidence) ? `${Math.round(confidence * 100)}%` : 'không rõ';
    issues.push(issue(field, 'low_confidence', 'review', `Độ tin cậy nhận dạng thấp (${percent}): '${value}'`));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function issue(field: string, code: string, severity: Severity, message: string): Issue {
  return { field, code, severity, message };
}

/**
 * A number cell drops an ID's leading zero (011068001234 → 11068001234); every valid prefix starts with 0. When the
 * padded ID agrees with the record's own birth year and sex and its province prefix is known, the restoration is
 * certain enough to load without a reviewer: the issue stays on the record as a warning.
 */
function acceptRestoredLeadingZero(issues: Issue[]): void {
  for (const [index, found] of issues.entries()) {
    if (found.code === 'personal_id_leading_zero_lost') issues[index] = { ...found, severity: 'warning' };
  }
}
