import type { FieldChange, FieldRecordState } from '../db/field-corrections.js';
import type { AddressCodeColumns } from '../db/schema.js';
import { RAW_FIELDS, type RawField, type SourceRecord } from '../ingest/source-record.js';
import { WRITTEN_FORMS } from '../ingest/written-fields.js';
import type { Issue } from '../normalize/issue.js';
import { normalizeRecord, outcomeOf, type NormalizedRecord } from '../normalize/normalize-record.js';
import { writtenValue } from '../report/write-run-reports.js';
import { codeRecordAddress, type RunGazetteer } from './code-record-address.js';
import { findPipeline } from './find-pipeline.js';

type Raw = SourceRecord['raw'];

/**
 * Canonical fields of review-fields.csv and the raw fields each may be written in, in the order the report reads
 * them (write-run-reports.ts WRITTEN_AS): a correction goes where the value was read from. A value written over
 * several columns (family_middle + given_name, day/month/year, thôn/xã/huyện/tỉnh) is replaced by the one-column
 * form the reviewer wrote (full_name, birth_date, address).
 */
const WRITTEN_IN: Readonly<Record<string, readonly (readonly RawField[])[]>> = Object.fromEntries(
  Object.entries(WRITTEN_FORMS).map(([field, forms]) => [field, forms.map((f) => f.fields)]),
);

const ADDRESS_FIELDS: ReadonlySet<string> = new Set(['address', 'hamlet', 'commune', 'district', 'province']);

/** What a reviewer writes to say "this field is empty in the book" (OCR read marks where nothing was written). */
const CLEAR_MARKERS: ReadonlySet<string> = new Set(['(trống)', '(bỏ trống)', '(để trống)', '(empty)', '(blank)', '-', '–', '—']);

/** Fields a review-fields.csv row may name: every raw field, and the canonical ones written over several. */
export function isKnownField(field: string): boolean {
  return (RAW_FIELDS as readonly string[]).includes(field) || field in WRITTEN_IN;
}

/**
 * The reviewer's value as it is stored and compared: NFC, spaces collapsed, a leading apostrophe (Excel's "keep as
 * text" mark) dropped, and a "field is empty" marker as ''.
 *
 * @example
 * correctedText("  '011175004321 ") // '011175004321'
 * correctedText('(trống)')          // ''
 */
export function correctedText(value: string): string {
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^'/, '').trim();
  return CLEAR_MARKERS.has(text.toLowerCase()) ? '' : text;
}

/** Where a correction of `field` is written in this record, and which raw fields it replaces. */
export function correctionTarget(raw: Raw, field: string): { target: RawField; replaced: RawField[] } {
  const groups = WRITTEN_IN[field];
  if (!groups) return { target: field as RawField, replaced: [field as RawField] };
  const written = groups.find((g) => g.some((f) => (raw[f] ?? '').trim() !== '')) ?? groups[0];
  return written.length === 1 ? { target: written[0], replaced: [written[0]] } : { target: groups[0][0], replaced: [...written, groups[0][0]] };
}

/**
 * The field names a row's correction answers for: the raw fields it writes, and the canonical fields they belong
 * to (issues of a name written in two columns are filed under either; address coding issues under `address`).
 */
export function answeredFields(raw: Raw, field: string): Set<string> {
  const answered = new Set<string>([field, ...correctionTarget(raw, field).replaced]);
  for (const f of [...answered]) {
    for (const [canonical, groups] of Object.entries(WRITTEN_IN)) if (groups.some((g) => g.includes(f as RawField))) answered.add(canonical);
  }
  return answered;
}

/** A record after its corrections, re-normalized. */
export interface CorrectedRecord {
  state: FieldRecordState;
  raw: Raw;
  normalized: NormalizedRecord;
  /** Re-coded address when an address field was corrected; undefined otherwise (codes unchanged). */
  address?: AddressCodeColumns | null;
  changes: FieldChange[];
}

export interface CorrectionContext {
  /** The gazetteer addresses are re-coded with (built on first use), for a pipeline's default province. */
  gazetteer: (defaultProvinceCode: string) => RunGazetteer;
}

/**
 * Writes the reviewer's values into a stored record and normalizes it again, as its run would have: same day, same
 * pipeline settings, corrected fields at confidence 1.0 (a person read them). What normalization cannot see again is
 * carried over for the fields nobody corrected: low OCR confidence (not stored), the scan checks (`ocr_*`), and the
 * address coding when no address field was corrected.
 *
 * @example
 * correctRecord(state, new Map([['birth_date', '05/01/1975']]), context).normalized.outcome // 'ok'
 */
export function correctRecord(state: FieldRecordState, corrections: ReadonlyMap<string, string>, context: CorrectionContext): CorrectedRecord {
  const raw: Raw = { ...state.raw };
  const changes: FieldChange[] = [];
  const answered = new Set<string>();
  for (const [field, value] of corrections) {
    for (const f of answeredFields(raw, field)) answered.add(f);
    const { target, replaced } = correctionTarget(raw, field);
    const rawBefore: Raw = {};
    for (const f of replaced) if (raw[f] !== undefined) rawBefore[f] = raw[f];
    changes.push({ field, valueBefore: writtenValue(raw, field), valueAfter: value, rawBefore });
    for (const f of replaced) delete raw[f];
    if (value !== '') raw[target] = value;
  }
  const pipeline = pipelineOf(state.pipeline);
  const source: SourceRecord = { locator: { file: '', sheet: null, row: null, page: state.page }, raw, confidence: {}, householdKey: null };
  const normalized = normalizeRecord(source, { today: new Date(state.runStartedAt), defaultNationality: pipeline.defaultNationality });
  const recode = [...answered].some((f) => ADDRESS_FIELDS.has(f));
  const address = recode ? codeRecordAddress(source, normalized, context.gazetteer(pipeline.provinceCode)) : undefined;
  if (!recode && normalized.values && normalized.values.hamlet === null) normalized.values.hamlet = state.values?.hamlet ?? null;

  const carried = state.issues.filter((i) => !answered.has(i.field) && carriedOver(i, recode));
  const seen = new Set(normalized.issues.map(issueKey));
  for (const issue of carried) if (!seen.has(issueKey(issue))) normalized.issues.push(issue);
  normalized.outcome = outcomeOf(normalized.issues);
  return { state, raw, normalized, ...(recode ? { address } : {}), changes };
}

/** Issues a second normalization cannot reproduce: they came from what is not stored, or from a stage not re-run. */
function carriedOver(issue: Issue, recoded: boolean): boolean {
  return issue.code === 'low_confidence' || issue.code.startsWith('ocr_') || (!recoded && issue.code.startsWith('address_'));
}

function issueKey(i: Issue): string {
  return `${i.field}\u0001${i.code}`;
}

/** The record's pipeline settings; a pipeline since removed falls back to the default nightly one. */
function pipelineOf(name: string): { defaultNationality: string; provinceCode: string } {
  try {
    return findPipeline(name);
  } catch {
    return findPipeline('nightly');
  }
}
