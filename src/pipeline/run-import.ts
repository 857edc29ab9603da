import { resolve } from 'node:path';
import {
  countOutcomes, findPersonIdsByPersonalId, isFileLoaded, loadFile, recordFileOutcome, type FileIdentity, type LoadRecord,
} from '../db/load-file.js';
import { openRegistry, type Registry } from '../db/open-registry.js';
import { finishRun, startRun } from '../db/run-ledger.js';
import { discoverFiles, readWithHash, type DiscoveredFile } from '../ingest/discover-files.js';
import { UnreadableFileError } from '../ingest/extract-spreadsheet.js';
import { decideExactIdMatches } from '../match/exact-id-match.js';
import { RunFailedError } from '../errors.js';
import { checkReconciliation, sumFiles, type FileReconciliation, type Reconciliation } from '../report/reconciliation.js';
import { writeRunReports, type RecordForPeople } from '../report/write-run-reports.js';
import { findPipeline } from './find-pipeline.js';
import { silentLogger, type Logger } from './logger.js';
import type { PipelineDefinition } from './pipeline-definition.js';
import { countIssues, prepareFile, type PreparedRecord } from './prepare-file.js';
import { newRunId } from './run-id.js';

export interface ImportOptions {
  paths: readonly string[];
  /** `--db`: a SQLite file path. */
  dbUrl: string;
  /** `--out`: defaults to data/runs/<run-id>. */
  outDir?: string;
  pipeline: string;
  /** Read, normalize and match, write the reports, but change nothing in the registry. */
  dryRun: boolean;
  /** "Now" for date plausibility (injectable for tests). */
  today?: Date;
  log?: Logger;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  records: number;
  file: string | null;
}

export interface ImportResult {
  report: Reconciliation;
  outDir: string;
}

interface RunState {
  files: FileReconciliation[];
  issues: Record<string, number>;
  rejected: RecordForPeople[];
  flagged: RecordForPeople[];
}

/**
 * The nightly import: discover → extract → normalize → validate → match → load → report. Every record that enters
 * is accounted for in reconciliation.json. Throws UsageError for bad paths or pipeline names, RunFailedError when
 * the run could not finish or did not reconcile (its reports are still written).
 *
 * @example
 * const { report, outDir } = await runImport({ paths: ['inbox/'], dbUrl: 'data/registry.sqlite', pipeline: 'nightly', dryRun: false });
 */
export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const log = options.log ?? silentLogger;
  const pipeline = findPipeline(options.pipeline);
  const files = await discoverFiles(options.paths);
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const outDir = resolve(options.outDir ?? `data/runs/${runId}`);
  const registry = await openRegistry(options.dbUrl);
  const state: RunState = { files: [], issues: {}, rejected: [], flagged: [] };
  let error: string | null = null;
  try {
    if (!options.dryRun) await startRun(registry.db, { id: runId, pipeline: pipeline.name, outDir, startedAt: startedAt.toISOString() });
    log.info('run started', { run_id: runId, files: files.length, dry_run: options.dryRun });
    let records = 0;
    for (const [index, file] of files.entries()) {
      options.onProgress?.({ filesDone: index, filesTotal: files.length, records, file: file.name });
      const entry = await importFile(registry, runId, file, pipeline, options, state);
      state.files.push(entry);
      records += entry.records_in;
      log.info('file done', { file: file.name, status: entry.status, records_in: entry.records_in, rejected: entry.rejected });
    }
    options.onProgress?.({ filesDone: files.length, filesTotal: files.length, records, file: null });
  } catch (err) {
    error = `Lần chạy bị dừng do lỗi: ${(err as Error).message}`;
    log.error('run failed', { run_id: runId, error: (err as Error).message });
  }
  const report = buildReport(runId, pipeline.name, options.dryRun, startedAt, state, error);
  try {
    if (!options.dryRun) {
      await finishRun(registry.db, runId, {
        status: report.status, finishedAt: report.finished_at!, error: report.error,
        counts: { ...report, files: report.files.length },
      });
    }
  } finally {
    await registry.close();
  }
  await writeRunReports(outDir, report, state.rejected, state.flagged);
  log.info('run finished', { run_id: runId, status: report.status, records_in: report.records_in, new: report.new,
    merged: report.merged, flagged: report.flagged, rejected: report.rejected });
  if (report.status === 'failed') throw new RunFailedError(report.error ?? 'run failed', { cause: { report, outDir } });
  return { report, outDir };
}

function buildReport(runId: string, pipeline: string, dryRun: boolean, startedAt: Date, state: RunState, error: string | null): Reconciliation {
  const totals = sumFiles(state.files);
  const problems = checkReconciliation({ ...totals, files: state.files });
  const allErrors = [error, ...problems].filter((e): e is string => e !== null);
  return {
    run_id: runId,
    status: allErrors.length > 0 ? 'failed' : 'succeeded',
    pipeline,
    dry_run: dryRun,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    ...totals,
    issues_by_code: state.issues,
    files: state.files,
    error: allErrors.length > 0 ? allErrors.join('; ') : null,
  };
}

async function importFile(
  registry: Registry,
  runId: string,
  file: DiscoveredFile,
  pipeline: PipelineDefinition,
  options: ImportOptions,
  state: RunState,
): Promise<FileReconciliation> {
  const { bytes, sha256 } = await readWithHash(file.path);
  const identity: FileIdentity = { sha256, name: file.name, path: file.path, kind: file.kind, sizeBytes: file.sizeBytes };
  const entry: FileReconciliation = { name: file.name, path: file.path, sha256, kind: file.kind, status: 'loaded', error: null,
    records_in: 0, new: 0, merged: 0, flagged: 0, rejected: 0 };

  if (await isFileLoaded(registry.db, sha256)) {
    if (!options.dryRun) await recordFileOutcome(registry.db, runId, identity, 'skipped_unchanged', null);
    return { ...entry, status: 'skipped_unchanged' };
  }

  let prepared;
  try {
    prepared = await prepareFile(file, bytes, pipeline, options.today ?? new Date());
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    if (!options.dryRun) await recordFileOutcome(registry.db, runId, identity, 'failed', err.message);
    return { ...entry, status: 'failed', error: err.message };
  }
  const sheetError = prepared.sheetErrors.length > 0 ? prepared.sheetErrors.join('; ') : null;
  if (prepared.records.length === 0 && sheetError) {
    if (!options.dryRun) await recordFileOutcome(registry.db, runId, identity, 'failed', sheetError);
    return { ...entry, status: 'failed', error: sheetError };
  }

  const loadRecords = await matchRecords(registry, prepared.records);
  for (const record of loadRecords) {
    countIssues(record.issues, state.issues);
    if (record.decision.outcome === 'rejected') state.rejected.push(record);
    if (record.decision.outcome === 'flagged') state.flagged.push(record);
  }
  const counts = options.dryRun
    ? countOutcomes(loadRecords)
    : await loadFile(registry, runId, identity, loadRecords, sheetError);
  return { ...entry, error: sheetError, ...counts };
}

async function matchRecords(registry: Registry, records: readonly PreparedRecord[]): Promise<LoadRecord[]> {
  const ids = [...new Set(records.flatMap((r) => (r.normalized.values?.personal_id ? [r.normalized.values.personal_id] : [])))];
  const registryIds = await findPersonIdsByPersonalId(registry.db, ids);
  const decisions = decideExactIdMatches(
    records.map((r) => ({ values: r.normalized.values, outcome: r.normalized.outcome })),
    registryIds,
  );
  return records.map((r, i) => ({ source: r.source, values: r.normalized.values, issues: r.normalized.issues, decision: decisions[i] }));
}
