import type { Kysely, Transaction } from 'kysely';
import type { SourceRecord } from '../ingest/source-record.js';
import { blockingKeys } from '../match/blocking-keys.js';
import type { Issue } from '../normalize/issue.js';
import type { PersonValues } from '../normalize/person-values.js';
import { NO_ADDRESS } from './load-records.js';
import { PERSON_VALUE_COLUMNS, personValuesFromRow } from './person-row.js';
import type { AddressCodeColumns, PersonStatus, RecordOutcome, RegistrySchema, ReviewAuditTable } from './schema.js';

type Db = Kysely<RegistrySchema> | Transaction<RegistrySchema>;
type Trx = Transaction<RegistrySchema>;
type Raw = SourceRecord['raw'];

const CHUNK = 5000;

/** A correction already applied to a field of a record (the latest one wins). */
export interface AppliedCorrection {
  value: string;
  reviewer: string;
  decidedAt: string;
}

/** What a review-fields.csv row is checked against: the source record as stored now, its person and its run. */
export interface FieldRecordState {
  /** source_records.id: the `mã bản ghi (record_id)` of review-fields.csv. */
  id: number;
  raw: Raw;
  /** Its normalized values as stored (null for a rejected record). */
  values: PersonValues | null;
  issues: Issue[];
  outcome: RecordOutcome;
  /** Scanned records have a page; spreadsheet records do not. */
  page: number | null;
  personId: number | null;
  personStatus: PersonStatus | null;
  /** When the record's run started (its "today" for date checks) and which pipeline it ran. */
  runStartedAt: string;
  pipeline: string;
  /** The latest correction applied to each field of this record, by field name. */
  corrections: Record<string, AppliedCorrection>;
}

/**
 * The source records with these ids (unknown ids are absent from the map), with their person's status, their run's
 * start and pipeline, and the corrections already applied to them.
 *
 * @example
 * const states = await findFieldRecordStates(registry.db, [12]);
 * states.get(12)?.personStatus; // 'pending_review'
 */
export async function findFieldRecordStates(db: Db, ids: readonly number[]): Promise<Map<number, FieldRecordState>> {
  const found = new Map<number, FieldRecordState>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = await db
      .selectFrom('source_records as s')
      .innerJoin('import_runs as r', 'r.id', 's.run_id')
      .leftJoin('persons as p', 'p.id', 's.person_id')
      .select(['s.id', 's.raw_json', 's.normalized_json', 's.issues_json', 's.outcome', 's.page', 's.person_id', 'p.status', 'r.started_at', 'r.pipeline'])
      .where('s.id', 'in', chunk)
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        id: row.id,
        raw: JSON.parse(row.raw_json) as Raw,
        values: row.normalized_json ? (JSON.parse(row.normalized_json) as PersonValues) : null,
        issues: JSON.parse(row.issues_json) as Issue[],
        outcome: row.outcome,
        page: row.page,
        personId: row.person_id,
        personStatus: row.status,
        runStartedAt: row.started_at,
        pipeline: row.pipeline,
        corrections: {},
      });
    }
    const corrections = await db
      .selectFrom('field_corrections')
      .select(['source_record_id', 'field', 'value_after', 'reviewer', 'decided_at'])
      .where('source_record_id', 'in', chunk)
      .orderBy('id')
      .execute();
    for (const c of corrections) {
      const state = found.get(c.source_record_id);
      if (state) state.corrections[c.field] = { value: c.value_after, reviewer: c.reviewer, decidedAt: c.decided_at };
    }
  }
  return found;
}

/** One field's correction as it is recorded. */
export interface FieldChange {
  field: string;
  /** The value as written or read before ('' when empty). */
  valueBefore: string;
  valueAfter: string;
  /** The raw fields the correction replaced, exactly. */
  rawBefore: Raw;
}

/** A source record after its corrections: the new raw, values and issues, and what changed. */
export interface CorrectedRecordWrite {
  sourceRecordId: number;
  raw: Raw;
  values: PersonValues;
  issues: Issue[];
  /** Re-coded address; undefined when no address field was corrected (the person's codes stay). */
  address?: AddressCodeColumns | null;
  changes: readonly FieldChange[];
}

export interface ApplyFieldCorrectionsInput {
  records: readonly CorrectedRecordWrite[];
  /** Every person the review file names (valid rows): settled ones become active, the others are listed. */
  personIds: readonly number[];
  reviewer: string;
  /** ISO timestamp written as decided_at and applied_at. */
  decidedAt: string;
  /** The review_audit row of this run of the command (written in the same transaction). */
  audit: Omit<ReviewAuditTable, 'id' | 'kind' | 'reviewer' | 'applied_at'>;
}

/** A person of the file left pending, and why. */
export interface PendingPerson {
  personId: number;
  fullName: string;
  /** Fields of its records that still have a review issue. */
  reviewFields: string[];
  /** Its duplicate pairs still open in match_reviews. */
  openPairs: number[];
}

export interface ApplyFieldCorrectionsResult {
  /** Persons that became active. */
  activated: number;
  pending: PendingPerson[];
}

/**
 * Applies reviewers' field corrections in one transaction, with the audit row: each correction is recorded in
 * field_corrections (value before and after, who, when, which file), the source record gets its corrected raw,
 * re-normalized values and issues, and its person the values that changed (with blocking keys, and address codes when
 * the address was re-coded). A pending person of the file with no review issue and no open duplicate pair left
 * becomes active; only pending persons are touched.
 *
 * @example
 * await applyFieldCorrections(registry.db, { records, personIds: [7], reviewer: 'Lò Thị Mai', decidedAt: new Date().toISOString(), audit });
 */
export async function applyFieldCorrections(db: Kysely<RegistrySchema>, input: ApplyFieldCorrectionsInput): Promise<ApplyFieldCorrectionsResult> {
  return db.transaction().execute(async (trx) => {
    for (const record of input.records) await writeCorrectedRecord(trx, record, input);
    const result = await settlePersons(trx, [...new Set(input.personIds)]);
    await trx
      .insertInto('review_audit')
      .values({ kind: 'fields', reviewer: input.reviewer, applied_at: input.decidedAt, ...input.audit })
      .execute();
    return result;
  });
}

async function writeCorrectedRecord(trx: Trx, record: CorrectedRecordWrite, input: ApplyFieldCorrectionsInput): Promise<void> {
  const stored = await trx
    .selectFrom('source_records')
    .select(['normalized_json', 'person_id'])
    .where('id', '=', record.sourceRecordId)
    .executeTakeFirstOrThrow();
  if (record.changes.length > 0) {
    await trx
      .insertInto('field_corrections')
      .values(record.changes.map((c) => ({
        source_record_id: record.sourceRecordId, field: c.field, value_before: c.valueBefore, value_after: c.valueAfter,
        raw_before_json: JSON.stringify(c.rawBefore), reviewer: input.reviewer, decided_at: input.decidedAt,
        file_sha256: input.audit.file_sha256,
      })))
      .execute();
  }
  await trx
    .updateTable('source_records')
    .set({ raw_json: JSON.stringify(record.raw), normalized_json: JSON.stringify(record.values), issues_json: JSON.stringify(record.issues) })
    .where('id', '=', record.sourceRecordId)
    .execute();
  if (stored.person_id === null) return;
  const before = stored.normalized_json ? (JSON.parse(stored.normalized_json) as PersonValues) : null;
  await updatePerson(trx, stored.person_id, before, record);
}

/**
 * The person gets the values its record's correction changed, not the record's values wholesale: a pending person
 * may hold values merged in from other records of its file.
 */
async function updatePerson(trx: Trx, personId: number, before: PersonValues | null, record: CorrectedRecordWrite): Promise<void> {
  const person = await trx
    .selectFrom('persons')
    .leftJoin('households', 'households.id', 'persons.household_id')
    .select([...PERSON_VALUE_COLUMNS.map((c) => `persons.${c}` as const), 'persons.status', 'persons.household_id', 'households.book_no'])
    .where('persons.id', '=', personId)
    .executeTakeFirstOrThrow();
  if (person.status !== 'pending_review') return;
  const current = personValuesFromRow(person, person.book_no);
  const update: Record<string, unknown> = {};
  for (const column of PERSON_VALUE_COLUMNS) {
    if (before?.[column] !== record.values[column] && current[column] !== record.values[column]) update[column] = record.values[column];
  }
  if (Object.keys(update).length > 0) Object.assign(update, blockingKeys({ ...current, ...update } as PersonValues));
  if (record.address !== undefined) Object.assign(update, record.address ?? NO_ADDRESS);
  if (Object.keys(update).length === 0) return;
  await trx.updateTable('persons').set(update).where('id', '=', personId).execute();
  if ('relation_to_head' in update && person.household_id !== null) {
    await trx
      .updateTable('memberships')
      .set({ relation_to_head: record.values.relation_to_head })
      .where('person_id', '=', personId)
      .where('household_id', '=', person.household_id)
      .execute();
  }
}

/** Pending persons with nothing left to decide become active; the others are returned with their reasons. */
async function settlePersons(trx: Trx, ids: readonly number[]): Promise<ApplyFieldCorrectionsResult> {
  const result: ApplyFieldCorrectionsResult = { activated: 0, pending: [] };
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const persons = await trx
      .selectFrom('persons')
      .select(['id', 'full_name'])
      .where('id', 'in', chunk)
      .where('status', '=', 'pending_review')
      .orderBy('id')
      .execute();
    if (persons.length === 0) continue;
    const pendingIds = persons.map((p) => p.id);
    const fields = new Map<number, Set<string>>();
    const records = await trx.selectFrom('source_records').select(['person_id', 'issues_json']).where('person_id', 'in', pendingIds).execute();
    for (const r of records) {
      for (const issue of JSON.parse(r.issues_json) as Issue[]) {
        if (issue.severity !== 'review') continue;
        const set = fields.get(r.person_id!) ?? new Set<string>();
        set.add(issue.field);
        fields.set(r.person_id!, set);
      }
    }
    const pairs = new Map<number, number[]>();
    const open = await trx
      .selectFrom('match_reviews')
      .select(['id', 'person_id'])
      .where('status', '=', 'open')
      .where('person_id', 'in', pendingIds)
      .orderBy('id')
      .execute();
    for (const p of open) pairs.set(p.person_id, [...(pairs.get(p.person_id) ?? []), p.id]);
    const settled: number[] = [];
    for (const p of persons) {
      const reviewFields = [...(fields.get(p.id) ?? [])];
      const openPairs = pairs.get(p.id) ?? [];
      if (reviewFields.length === 0 && openPairs.length === 0) settled.push(p.id);
      else result.pending.push({ personId: p.id, fullName: p.full_name, reviewFields, openPairs });
    }
    if (settled.length > 0) {
      const updated = await trx.updateTable('persons').set({ status: 'active' }).where('id', 'in', settled).where('status', '=', 'pending_review').executeTakeFirst();
      result.activated += Number(updated.numUpdatedRows);
    }
  }
  return result;
}
