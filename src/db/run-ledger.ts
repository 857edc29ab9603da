import type { Kysely } from 'kysely';
import type { ImportRunTable, RegistrySchema, RunStatus } from './schema.js';

export interface RunCounts {
  records_in: number;
  new: number;
  merged: number;
  flagged: number;
  rejected: number;
  files: number;
}

/**
 * Writes a run's row as it starts, so a crash leaves a visible `running` entry.
 *
 * @example
 * await startRun(db, { id, pipeline: 'nightly', outDir, startedAt, gazetteerVersion });
 */
export async function startRun(
  db: Kysely<RegistrySchema>,
  run: { id: string; pipeline: string; outDir: string; startedAt: string; gazetteerVersion: string | null },
): Promise<void> {
  await db
    .insertInto('import_runs')
    .values({ id: run.id, pipeline: run.pipeline, out_dir: run.outDir, started_at: run.startedAt, finished_at: null, status: 'running',
      gazetteer_version: run.gazetteerVersion, match_model_json: null,
      records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 0, error: null })
    .execute();
}

/** Closes a run with its status and counts. */
export async function finishRun(
  db: Kysely<RegistrySchema>,
  id: string,
  result: { status: RunStatus; finishedAt: string; counts: RunCounts; error: string | null; matchModelJson: string | null },
): Promise<void> {
  const { counts } = result;
  await db
    .updateTable('import_runs')
    .set({ status: result.status, finished_at: result.finishedAt, error: result.error, match_model_json: result.matchModelJson,
      records_in: counts.records_in,
      new_count: counts.new, merged_count: counts.merged, flagged_count: counts.flagged, rejected_count: counts.rejected,
      files_count: counts.files })
    .where('id', '=', id)
    .execute();
}

/** Run history, newest first. */
export async function listRuns(db: Kysely<RegistrySchema>, limit: number): Promise<ImportRunTable[]> {
  return db.selectFrom('import_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Marks runs still `running` as failed: called by a run that holds the import lock, so any other `running` run
 * was interrupted (killed, machine restarted). Returns how many.
 */
export async function failInterruptedRuns(db: Kysely<RegistrySchema>, now: string): Promise<number> {
  const result = await db
    .updateTable('import_runs')
    .set({ status: 'failed', finished_at: now, error: 'Lần chạy bị gián đoạn (interrupted: the process ended before the run finished)' })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
