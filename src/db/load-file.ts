import type { Kysely, Transaction } from 'kysely';
import type { BulkInsert } from './bulk-insert.js';
import type { Registry } from './open-registry.js';
import type { SourceRecord } from '../ingest/source-record.js';
import type { MatchDecision } from '../match/exact-id-match.js';
import { mergePersonValues } from '../match/merge-person-values.js';
import type { Issue } from '../normalize/issue.js';
import type { PersonValues } from '../normalize/person-values.js';
import { PERSON_VALUE_COLUMNS, personRowValues, personValuesFromRow } from './person-row.js';
import type { AddressCodeColumns, RecordOutcome, RegistrySchema } from './schema.js';

export interface FileIdentity {
  sha256: string;
  name: string;
  path: string;
  kind: string;
  sizeBytes: number;
}

export interface LoadRecord {
  source: SourceRecord;
  values: PersonValues | null;
  /** The record's address coded to administrative units; null when it has no address. */
  address: AddressCodeColumns | null;
  issues: Issue[];
  decision: MatchDecision;
}

const NO_ADDRESS: AddressCodeColumns = {
  legacy_province_code: null, legacy_district_code: null, legacy_commune_code: null, province_code: null,
  commune_code: null, address_status: null, address_confidence: null, gazetteer_version: null,
};

export interface OutcomeCounts {
  records_in: number;
  new: number;
  merged: number;
  flagged: number;
  rejected: number;
}

type Trx = Transaction<RegistrySchema>;

const HEAD_RELATION = 'Chủ hộ';

/** A file ready to load: normalized records whose match is decided against the registry as the batch finds it. */
export interface BatchFile {
  identity: FileIdentity;
  /** Sheets of the file that were rejected whole (Vietnamese), kept on its ledger row. */
  fileError: string | null;
  records: readonly UndecidedRecord[];
}

export type UndecidedRecord = Omit<LoadRecord, 'decision'> & { outcome: 'ok' | 'review' | 'reject' };

/** Match policy, supplied by the pipeline: decisions for a file's records given the registry persons by personal ID. */
export type DecideMatches = (records: readonly UndecidedRecord[], registryIds: ReadonlyMap<string, number>) => MatchDecision[];

class DryRunRollback extends Error {}

/**
 * Loads a batch of files in one transaction: per file, in order, its match decisions (earlier files of the batch
 * are already visible), its ledger row, households, persons (new, flagged, merged), memberships, provenance and
 * quarantine. A crash loses only the batch; its files are marked loaded in the same transaction, so a rerun redoes
 * exactly the files that did not finish. With `dryRun`, the same work is done and rolled back.
 *
 * @example
 * const [records] = await loadBatch(registry, runId, [file], decideExactIdMatches, { dryRun: false });
 */
export async function loadBatch(
  registry: Pick<Registry, 'db' | 'bulkInsert'>,
  runId: string,
  files: readonly BatchFile[],
  decide: DecideMatches,
  options: { dryRun: boolean; pipeline: string },
): Promise<LoadRecord[][]> {
  const loaded: LoadRecord[][] = [];
  try {
    await registry.db.transaction().execute(async (trx) => {
      if (options.dryRun) await insertDryRunRow(trx, runId, options.pipeline);
      for (const file of files) {
        const ids = [...new Set(file.records.flatMap((r) => (r.values?.personal_id ? [r.values.personal_id] : [])))];
        const decisions = decide(file.records, await findPersonIdsByPersonalId(trx, ids));
        const records = file.records.map((r, i) => ({ ...r, decision: decisions[i] }));
        const fileId = await insertFileRow(trx, runId, file.identity, 'loaded', file.fileError, countOutcomes(records));
        const personIds = await writePersons(trx, registry.bulkInsert, runId, file.identity.sha256, records);
        await writeProvenance(trx, registry.bulkInsert, runId, fileId, file.identity.name, records, personIds);
        loaded.push(records);
      }
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return loaded;
}

/** A dry run writes under a run row of its own, rolled back with everything else. */
async function insertDryRunRow(trx: Trx, runId: string, pipeline: string): Promise<void> {
  await trx
    .insertInto('import_runs')
    .values({ id: runId, pipeline, out_dir: '', started_at: new Date().toISOString(), finished_at: null, status: 'running', gazetteer_version: null,
      records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 0, error: null })
    .execute();
}

/** Records a file that was skipped (already loaded) or failed, with its error. */
export async function recordFileOutcome(
  db: Kysely<RegistrySchema>,
  runId: string,
  file: FileIdentity,
  status: 'skipped_unchanged' | 'failed',
  error: string | null,
): Promise<void> {
  await insertFileRow(db, runId, file, status, error, { records_in: 0, new: 0, merged: 0, flagged: 0, rejected: 0 });
}

/** The sha256 of every file an earlier run loaded (a rerun skips them). */
export async function loadedFileHashes(db: Kysely<RegistrySchema>): Promise<Set<string>> {
  const rows = await db.selectFrom('source_files').select('sha256').where('status', '=', 'loaded').distinct().execute();
  return new Set(rows.map((r) => r.sha256));
}

/** Active registry persons holding any of these personal IDs, by ID. */
export async function findPersonIdsByPersonalId(db: Kysely<RegistrySchema> | Trx, ids: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let start = 0; start < ids.length; start += 5000) {
    const rows = await db
      .selectFrom('persons')
      .select(['id', 'personal_id'])
      .where('personal_id', 'in', ids.slice(start, start + 5000))
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    for (const row of rows) if (row.personal_id && !found.has(row.personal_id)) found.set(row.personal_id, row.id);
  }
  return found;
}

/** Records in and their outcomes. */
export function countOutcomes(records: readonly LoadRecord[]): OutcomeCounts {
  const counts: OutcomeCounts = { records_in: records.length, new: 0, merged: 0, flagged: 0, rejected: 0 };
  for (const record of records) counts[record.decision.outcome] += 1;
  return counts;
}

async function insertFileRow(
  db: Kysely<RegistrySchema> | Trx,
  runId: string,
  file: FileIdentity,
  status: 'loaded' | 'skipped_unchanged' | 'failed',
  error: string | null,
  counts: OutcomeCounts,
): Promise<number> {
  const row = await db
    .insertInto('source_files')
    .values({
      run_id: runId, sha256: file.sha256, name: file.name, path: file.path, kind: file.kind, size_bytes: file.sizeBytes,
      status, error, records_in: counts.records_in, new_count: counts.new, merged_count: counts.merged,
      flagged_count: counts.flagged, rejected_count: counts.rejected,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function nextId(trx: Trx, table: 'persons' | 'households' | 'source_records'): Promise<number> {
  const row = await trx.selectFrom(table).select((eb) => eb.fn.max<number>('id').as('max')).executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/** Household identity: the book number, else the file's own block key. */
function householdKeyOf(record: LoadRecord, fileSha: string): { bookNo: string | null; sourceKey: string | null } | null {
  const bookNo = record.values?.household_book_no ?? null;
  if (bookNo) return { bookNo, sourceKey: null };
  if (record.source.householdKey) return { bookNo: null, sourceKey: `${fileSha}:${record.source.householdKey}` };
  return null;
}

/** Writes households and persons; returns the person id of every record (null for rejected). */
async function writePersons(trx: Trx, insert: BulkInsert, runId: string, fileSha: string, records: readonly LoadRecord[]): Promise<(number | null)[]> {
  const personIds: (number | null)[] = new Array(records.length).fill(null);
  const batchValues = new Map<number, PersonValues>();
  let id = await nextId(trx, 'persons');

  records.forEach((record, index) => {
    const decision = record.decision;
    if (decision.outcome === 'new' || decision.outcome === 'flagged') {
      personIds[index] = id++;
      batchValues.set(index, record.values!);
    } else if (decision.outcome === 'merged' && 'personId' in decision.into) {
      personIds[index] = decision.into.personId;
    }
  });
  // Merges into an earlier record of this file: fold values in before the insert.
  records.forEach((record, index) => {
    const decision = record.decision;
    if (decision.outcome !== 'merged' || !('batchIndex' in decision.into)) return;
    const target = decision.into.batchIndex;
    batchValues.set(target, mergePersonValues(batchValues.get(target)!, record.values!));
    personIds[index] = personIds[target];
  });

  const households = await resolveHouseholds(trx, insert, runId, fileSha, records, personIds);
  const personRows = [...batchValues].map(([index, values]) => {
    const record = records[index];
    return {
      id: personIds[index]!,
      status: record.decision.outcome === 'flagged' ? ('pending_review' as const) : ('active' as const),
      ...personRowValues(values),
      ...(record.address ?? NO_ADDRESS),
      household_id: households.ids[index],
      created_run_id: runId,
      updated_run_id: runId,
    };
  });
  await insert(trx, 'persons', personRows);
  await mergeIntoRegistryPersons(trx, runId, records);
  await writeMemberships(trx, insert, runId, records, personIds, households);
  return personIds;
}

interface ResolvedHouseholds {
  /** Household id of each record (null when rejected or without any household key). */
  ids: (number | null)[];
  /** Households this file created (their head is set on insert). */
  created: Set<number>;
}

/** Finds or creates each record's household; a new household gets its head (the first Chủ hộ) on insert. */
async function resolveHouseholds(
  trx: Trx,
  insert: BulkInsert,
  runId: string,
  fileSha: string,
  records: readonly LoadRecord[],
  personIds: readonly (number | null)[],
): Promise<ResolvedHouseholds> {
  const keys = records.map((r) => (r.decision.outcome === 'rejected' ? null : householdKeyOf(r, fileSha)));
  const bookNos = [...new Set(keys.flatMap((k) => (k?.bookNo ? [k.bookNo] : [])))];
  const sourceKeys = [...new Set(keys.flatMap((k) => (k?.sourceKey ? [k.sourceKey] : [])))];
  const known = new Map<string, number>();
  for (let start = 0; start < bookNos.length; start += 5000) {
    const rows = await trx.selectFrom('households').select(['id', 'book_no']).where('book_no', 'in', bookNos.slice(start, start + 5000)).execute();
    for (const row of rows) known.set(`book:${row.book_no}`, row.id);
  }
  for (let start = 0; start < sourceKeys.length; start += 5000) {
    const rows = await trx.selectFrom('households').select(['id', 'source_key']).where('source_key', 'in', sourceKeys.slice(start, start + 5000)).execute();
    for (const row of rows) known.set(`src:${row.source_key}`, row.id);
  }
  let id = await nextId(trx, 'households');
  const created = new Map<number, RegistrySchema['households']>();
  const ids = keys.map((key, index) => {
    if (!key) return null;
    const mapKey = key.bookNo ? `book:${key.bookNo}` : `src:${key.sourceKey}`;
    let householdId = known.get(mapKey);
    if (householdId === undefined) {
      householdId = id++;
      known.set(mapKey, householdId);
      const values = records[index].values!;
      created.set(householdId, {
        id: householdId, book_no: key.bookNo, source_key: key.sourceKey, head_person_id: null,
        address_text: values.address_text, hamlet: values.hamlet, ...(records[index].address ?? NO_ADDRESS), created_run_id: runId,
      });
    }
    const household = created.get(householdId);
    if (household && household.head_person_id === null && records[index].values!.relation_to_head === HEAD_RELATION) {
      household.head_person_id = personIds[index];
    }
    return householdId;
  });
  await insert(trx, 'households', [...created.values()]);
  return { ids, created: new Set(created.keys()) };
}

async function mergeIntoRegistryPersons(trx: Trx, runId: string, records: readonly LoadRecord[]): Promise<void> {
  const incomingByPerson = new Map<number, PersonValues[]>();
  records.forEach((record) => {
    const decision = record.decision;
    if (decision.outcome !== 'merged' || !('personId' in decision.into)) return;
    const list = incomingByPerson.get(decision.into.personId) ?? [];
    list.push(record.values!);
    incomingByPerson.set(decision.into.personId, list);
  });
  const ids = [...incomingByPerson.keys()];
  for (let start = 0; start < ids.length; start += 5000) {
    const rows = await trx
      .selectFrom('persons')
      .leftJoin('households', 'households.id', 'persons.household_id')
      .select([...PERSON_VALUE_COLUMNS.map((c) => `persons.${c}` as const), 'persons.id', 'households.book_no'])
      .where('persons.id', 'in', ids.slice(start, start + 5000))
      .execute();
    for (const row of rows) {
      const before = personValuesFromRow(row, row.book_no);
      const after = incomingByPerson.get(row.id)!.reduce(mergePersonValues, before);
      const changed = PERSON_VALUE_COLUMNS.filter((c) => after[c] !== before[c]);
      if (changed.length === 0) continue;
      const update: Record<string, unknown> = { updated_run_id: runId };
      for (const column of changed) update[column] = after[column];
      await trx.updateTable('persons').set(update).where('id', '=', row.id).execute();
    }
  }
}

async function writeMemberships(
  trx: Trx,
  insert: BulkInsert,
  runId: string,
  records: readonly LoadRecord[],
  personIds: readonly (number | null)[],
  households: ResolvedHouseholds,
): Promise<void> {
  const householdIds = households.ids;
  const seen = new Set<string>();
  const candidates: RegistrySchema['memberships'][] = [];
  const heads = new Map<number, number>();
  records.forEach((record, index) => {
    const personId = personIds[index];
    const householdId = householdIds[index];
    if (personId === null || householdId === null) return;
    const key = `${householdId}:${personId}`;
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push({ household_id: householdId, person_id: personId, relation_to_head: record.values!.relation_to_head, run_id: runId });
    const isHead = record.values!.relation_to_head === HEAD_RELATION;
    if (isHead && !households.created.has(householdId) && !heads.has(householdId)) heads.set(householdId, personId);
  });
  // Memberships already in the registry (a person seen again in the same household) stay as they are.
  const existing = new Set<string>();
  const householdList = [...new Set(candidates.map((c) => c.household_id))];
  for (let start = 0; start < householdList.length; start += 5000) {
    const rows = await trx.selectFrom('memberships').select(['household_id', 'person_id']).where('household_id', 'in', householdList.slice(start, start + 5000)).execute();
    for (const row of rows) existing.add(`${row.household_id}:${row.person_id}`);
  }
  await insert(trx, 'memberships', candidates.filter((c) => !existing.has(`${c.household_id}:${c.person_id}`)));
  // A registry household that had no head yet gets this file's Chủ hộ.
  for (const [householdId, personId] of heads) {
    await trx.updateTable('households').set({ head_person_id: personId }).where('id', '=', householdId).where('head_person_id', 'is', null).execute();
  }
}

async function writeProvenance(
  trx: Trx,
  insert: BulkInsert,
  runId: string,
  fileId: number,
  fileName: string,
  records: readonly LoadRecord[],
  personIds: readonly (number | null)[],
): Promise<void> {
  let id = await nextId(trx, 'source_records');
  const sourceRows: RegistrySchema['source_records'][] = [];
  const quarantineRows: Omit<RegistrySchema['quarantine'], 'id'>[] = [];
  records.forEach((record, index) => {
    const { locator, raw } = record.source;
    const outcome: RecordOutcome = record.decision.outcome;
    const rawJson = JSON.stringify(raw);
    const sourceId = id++;
    sourceRows.push({
      id: sourceId, run_id: runId, file_id: fileId, file_name: fileName, sheet: locator.sheet, row_no: locator.row,
      page: locator.page, raw_json: rawJson, normalized_json: record.values ? JSON.stringify(record.values) : null,
      issues_json: JSON.stringify(record.issues), outcome, person_id: personIds[index],
    });
    if (outcome === 'rejected') {
      quarantineRows.push({
        run_id: runId, source_record_id: sourceId, file_name: fileName, sheet: locator.sheet, row_no: locator.row,
        reasons_json: JSON.stringify(record.issues.filter((i) => i.severity === 'reject')), raw_json: rawJson,
      });
    }
  });
  await insert(trx, 'source_records', sourceRows);
  await insert(trx, 'quarantine', quarantineRows);
}
