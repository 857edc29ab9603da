import { dirname, join, resolve } from 'node:path';
import { loadedFileHashes } from '../db/file-ledger.js';
import { listRunReviews, type RunReview } from '../db/match-reviews.js';
import { openRegistry } from '../db/open-registry.js';
import { failInterruptedRuns, finishRun, startRun } from '../db/run-ledger.js';
import { discoverFiles, type DiscoveredFile } from '../ingest/discover-files.js';
import { RunFailedError } from '../errors.js';
import { checkReconciliation, sumFiles, type FileReconciliation, type Reconciliation } from '../report/reconciliation.js';
import { writeRunReports } from '../report/write-run-reports.js';
import { BatchLoader, type RunState } from './batch-loader.js';
import { findPipeline } from './find-pipeline.js';
import { silentLogger, type Logger } from './logger.js';
import { FileStarter } from './file-starter.js';
import { newRunId } from './run-id.js';
import { acquireRunLock } from './run-lock.js';
import { runMatcher } from './run-matcher.js';
import { activeGazetteer } from './active-gazetteer.js';
import type { GazetteerData } from '../normalize/address/gazetteer-data.js';

export interface ImportOptions {
  paths: readonly string[];
  /** `--db`: a SQLite file path. */
  dbUrl: string;
  /** `--out`: defaults to data/runs/<run-id>. */
  outDir?: string;
  pipeline: string;
  /** Read, normalize and match, write the reports, but change nothing in the registry. */
  dryRun: boolean;
  /** Where OCR readings of scanned pages are cached by image hash; default `ocr-cache/` beside the registry file, null: none. */
  ocrCacheDir?: string | null;
  /** "Now" for date plausibility (injectable for tests). */
  today?: Date;
  log?: Logger;
  onProgress?: (progress: ImportProgress) => void;
}

/** How many bytes of input beyond the file loading are read and prepared ahead (bounds memory). */
const LOOKAHEAD_BYTES = 16 * 1024 * 1024;

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
  let releaseLock: () => void;
  try {
    releaseLock = acquireRunLock(registry.location);
  } catch (err) {
    await registry.close();
    throw err;
  }
  const state: RunState = { files: [], issues: {}, rejected: [], flagged: [] };
  let error: string | null = null;
  let gazetteerVersion: string | null = null;
  let matchModelJson: string | null = null;
  try {
    const gazetteer: GazetteerData = await activeGazetteer(registry);
    gazetteerVersion = gazetteer.version;
    const interrupted = await failInterruptedRuns(registry.db, startedAt.toISOString());
    if (interrupted > 0) log.warn('earlier runs were interrupted', { runs: interrupted });
    if (!options.dryRun) await startRun(registry.db, { id: runId, pipeline: pipeline.name, outDir, startedAt: startedAt.toISOString(), gazetteerVersion });
    log.info('run started', { run_id: runId, files: files.length, dry_run: options.dryRun });
    const scans = { ocrCacheDir: options.ocrCacheDir === undefined ? join(dirname(registry.location), 'ocr-cache') : options.ocrCacheDir, cropsDir: join(outDir, 'crops') };
    const starter = new FileStarter(await loadedFileHashes(registry.db), pipeline, gazetteer, options.today ?? new Date(), scans);
    try {
      starter.startWorkers(files); // they load their code while the match model trains
      const matcher = await runMatcher(registry, pipeline);
      matchModelJson = matcher.modelJson;
      const loader = new BatchLoader(registry, runId, { dryRun: options.dryRun, pipeline: pipeline.name, matcher }, state);
      await loadInOrder(files, starter, loader, options.onProgress);
    } finally {
      await starter.close();
    }
    for (const entry of state.files) {
      log.info('file done', { file: entry.name, status: entry.status, records_in: entry.records_in, rejected: entry.rejected });
    }
    options.onProgress?.({ filesDone: files.length, filesTotal: files.length, records: sumFiles(state.files).records_in, file: null });
  } catch (err) {
    error = `Lần chạy bị dừng do lỗi: ${(err as Error).message}`;
    log.error('run failed', { run_id: runId, error: (err as Error).message });
  }
  const report = { ...buildReport(runId, pipeline.name, options.dryRun, startedAt, state, error), gazetteer_version: gazetteerVersion };
  let reviews: RunReview[] = [];
  try {
    if (!options.dryRun) {
      reviews = await listRunReviews(registry.db, runId);
      await finishRun(registry.db, runId, {
        status: report.status, finishedAt: report.finished_at!, error: report.error, matchModelJson,
        counts: { ...report, files: report.files.length },
      });
    }
  } finally {
    releaseLock();
    await registry.close();
  }
  await writeRunReports(outDir, report, { rejected: state.rejected, flagged: state.flagged, reviews, matchModelJson });
  log.info('run finished', { run_id: runId, status: report.status, records_in: report.records_in, new: report.new,
    merged: report.merged, flagged: report.flagged, rejected: report.rejected });
  if (report.status === 'failed') throw new RunFailedError(report.error ?? 'run failed', { cause: { report, outDir } });
  return { report, outDir };
}

/**
 * Hands every file to the loader in order. Files ahead are read, hashed and given to the prepare workers while
 * earlier ones load: enough bytes ahead that the workers stay busy through a batch's (synchronous) load.
 */
async function loadInOrder(
  files: readonly DiscoveredFile[],
  starter: FileStarter,
  loader: BatchLoader,
  onProgress: ImportOptions['onProgress'],
): Promise<void> {
  for (const [index, file] of files.entries()) {
    onProgress?.({ filesDone: index, filesTotal: files.length, records: loader.recordsLoaded, file: file.name });
    for (let ahead = index, bytes = 0; ahead < files.length && (ahead === index || bytes < LOOKAHEAD_BYTES); ahead++) {
      starter.start(ahead, files[ahead]);
      bytes += files[ahead].sizeBytes;
    }
    await loader.add(await starter.take(index));
  }
  await loader.flush();
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
