import { resolve } from 'node:path';
import {
  countOutcomes, findPersonIdsByPersonalId, isFileLoaded, loadFile, recordFileOutcome, type FileIdentity, type LoadRecord,
} from '../db/load-file.js';
import { openRegistry, type Registry } from '../db/open-registry.js';
import { finishRun, startRun } from '../db/run-ledger.js';
import { discoverFiles } from '../ingest/discover-files.js';
import { UnreadableFileError } from '../ingest/extract-spreadsheet.js';
import { decideExactIdMatches } from '../match/exact-id-match.js';
import { RunFailedError } from '../errors.js';
import { checkReconciliation, sumFiles, type FileReconciliation, type Reconciliation } from '../report/reconciliation.js';
import { writeRunReports, type RecordForPeople } from '../report/write-run-reports.js';
import { findPipeline } from './find-pipeline.js';
import { silentLogger, type Logger } from './logger.js';
import { FileStarter, type StartedFile } from './file-starter.js';
import { countIssues, type PreparedFile, type PreparedRecord } from './prepare-file.js';
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

/** How many files beyond the one loading are read and prepared ahead (bounds memory). */
const LOOKAHEAD = 2;

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
    const starter = new FileStarter(registry, pipeline.name, options.today ?? new Date());
    try {
      for (const [index, file] of files.entries()) {
        options.onProgress?.({ filesDone: index, filesTotal: files.length, records, file: file.name });
        // Files ahead are read, hashed and handed to the prepare workers while this one loads.
        for (let ahead = index; ahead < Math.min(files.length, index + 1 + LOOKAHEAD); ahead++) starter.start(ahead, files[ahead]);
        const entry = await finishFile(registry, runId, await starter.take(index), options, state);
        state.files.push(entry);
        records += entry.records_in;
        log.info('file done', { file: file.name, status: entry.status, records_in: entry.records_in, rejected: entry.rejected });
      }
    } finally {
      await starter.close();
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

async function finishFile(
  registry: Registry,
  runId: string,
  started: StartedFile,
  options: ImportOptions,
  state: RunState,
): Promise<FileReconciliation> {
  const { identity } = started;
  const entry: FileReconciliation = { name: identity.name, path: identity.path, sha256: identity.sha256, kind: identity.kind,
    status: 'loaded', error: null, records_in: 0, new: 0, merged: 0, flagged: 0, rejected: 0 };
  const record = (status: 'skipped_unchanged' | 'failed', error: string | null) =>
    options.dryRun ? Promise.resolve() : recordFileOutcome(registry.db, runId, identity, status, error);

  if (started.kind === 'skipped') {
    await record('skipped_unchanged', null);
    return { ...entry, status: 'skipped_unchanged' };
  }
  let prepared: PreparedFile;
  try {
    if (started.kind === 'unreadable') throw new UnreadableFileError(started.message);
    prepared = await started.prepared;
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    await record('failed', err.message);
    return { ...entry, status: 'failed', error: err.message };
  }
  const sheetError = prepared.sheetErrors.length > 0 ? prepared.sheetErrors.join('; ') : null;
  if (prepared.records.length === 0 && sheetError) {
    await record('failed', sheetError);
    return { ...entry, status: 'failed', error: sheetError };
  }

  const loadRecords = await matchRecords(registry, prepared.records);
  for (const loadRecord of loadRecords) {
    countIssues(loadRecord.issues, state.issues);
    if (loadRecord.decision.outcome === 'rejected') state.rejected.push(loadRecord);
    if (loadRecord.decision.outcome === 'flagged') state.flagged.push(loadRecord);
  }
  const counts = options.dryRun ? countOutcomes(loadRecords) : await loadFile(registry, runId, identity, loadRecords, sheetError);
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
