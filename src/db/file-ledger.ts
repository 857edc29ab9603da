import type { Kysely, Transaction } from 'kysely';
import type { FileIdentity, OutcomeCounts } from './load-records.js';
import type { RegistrySchema } from './schema.js';

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

/** Writes a file's ledger row for this run and returns its id. */
export async function insertFileRow(
  db: Kysely<RegistrySchema> | Transaction<RegistrySchema>,
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
