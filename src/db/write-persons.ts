import type { Transaction } from 'kysely';
import { blockingKeys } from '../match/blocking-keys.js';
import { mergePersonValues } from '../match/merge-person-values.js';
import type { PersonValues } from '../normalize/person-values.js';
import type { BulkInsert } from './bulk-insert.js';
import { NO_ADDRESS, type LoadRecord } from './load-records.js';
import { PERSON_VALUE_COLUMNS, personRowValues, personValuesFromRow } from './person-row.js';
import type { RegistrySchema } from './schema.js';

type Trx = Transaction<RegistrySchema>;

const HEAD_RELATION = 'Chủ hộ';

/** The next free id of a table (the registry has one writer, so ids are assigned before the bulk insert). */
export async function nextId(trx: Trx, table: 'persons' | 'households' | 'source_records' | 'match_reviews'): Promise<number> {
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

/**
 * Writes a file's households and persons (new, flagged, merged into the registry or into an earlier record of the
 * file) and memberships; returns the person id of every record (null for rejected).
 */
export async function writePersons(trx: Trx, insert: BulkInsert, runId: string, fileSha: string, records: readonly LoadRecord[]): Promise<(number | null)[]> {
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
      // A batch merge may have filled the birth date: recompute the keys then.
      ...(values === record.values && record.keys ? record.keys : blockingKeys(values)),
      merged_into_id: null,
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
      const update: Record<string, unknown> = { updated_run_id: runId, ...blockingKeys(after) };
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
