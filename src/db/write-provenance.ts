import type { Transaction } from 'kysely';
import type { BulkInsert } from './bulk-insert.js';
import type { LoadRecord } from './load-records.js';
import type { RecordOutcome, RegistrySchema } from './schema.js';
import { nextId } from './write-persons.js';

type Trx = Transaction<RegistrySchema>;

/**
 * Writes every record's provenance row (locator, raw, normalized values, issues, outcome) and quarantines the
 * rejected. Returns each record's source_records id (the key reviewers' field corrections come back with).
 */
export async function writeProvenance(
  trx: Trx,
  insert: BulkInsert,
  runId: string,
  fileId: number,
  fileName: string,
  records: readonly LoadRecord[],
  personIds: readonly (number | null)[],
): Promise<number[]> {
  let id = await nextId(trx, 'source_records');
  const sourceRows: RegistrySchema['source_records'][] = [];
  const quarantineRows: Omit<RegistrySchema['quarantine'], 'id'>[] = [];
  const ids: number[] = [];
  records.forEach((record, index) => {
    const { locator, raw } = record.source;
    const outcome: RecordOutcome = record.decision.outcome;
    const rawJson = JSON.stringify(raw);
    const sourceId = id++;
    ids.push(sourceId);
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
  return ids;
}
