import { recordFileOutcome } from '../db/file-ledger.js';
import { loadBatch, type BatchFile } from '../db/load-batch.js';
import type { RunMatcher } from './run-matcher.js';
import { countOutcomes, type FileIdentity, type LoadRecord } from '../db/load-records.js';
import type { Registry } from '../db/open-registry.js';
import { UnreadableFileError } from '../ingest/extract-spreadsheet.js';
import type { FileReconciliation } from '../report/reconciliation.js';
import type { RecordForPeople } from '../report/write-run-reports.js';
import type { StartedFile } from './file-starter.js';
import type { Issue } from '../normalize/issue.js';
import type { PreparedFile } from './prepare-file.js';

/** Files are loaded in transactions of at least this many records (or the run's last files). */
const BATCH_RECORDS = 5_000;

/** What a run accumulates for its reports. */
export interface RunState {
  files: FileReconciliation[];
  issues: Record<string, number>;
  rejected: RecordForPeople[];
  flagged: RecordForPeople[];
}

/**
 * Takes started files in order and loads them in batches: fewer, larger transactions (a commit per small file
 * costs more than its rows), still all-or-nothing per batch. Skipped and unreadable files are recorded at once.
 *
 * @example
 * const loader = new BatchLoader(registry, runId, { dryRun: false, pipeline: 'nightly' }, state);
 * for (…) await loader.add(await starter.take(i));
 * await loader.flush();
 */
export class BatchLoader {
  #batch: { file: BatchFile; entry: FileReconciliation }[] = [];
  #batchRecords = 0;

  constructor(
    private readonly registry: Registry,
    private readonly runId: string,
    private readonly options: { dryRun: boolean; pipeline: string; matcher: RunMatcher },
    private readonly state: RunState,
  ) {}

  /** Records loaded so far. */
  get recordsLoaded(): number {
    return this.state.files.reduce((n, f) => n + f.records_in, 0);
  }

  async add(started: StartedFile): Promise<void> {
    const { identity } = started;
    const entry: FileReconciliation = { name: identity.name, path: identity.path, sha256: identity.sha256, kind: identity.kind,
      status: 'loaded', error: null, records_in: 0, new: 0, merged: 0, flagged: 0, rejected: 0 };
    this.state.files.push(entry);
    if (started.kind === 'skipped') return this.#settle(entry, identity, 'skipped_unchanged', null);

    let prepared: PreparedFile;
    try {
      if (started.kind === 'unreadable') throw new UnreadableFileError(started.message);
      prepared = await started.prepared;
    } catch (err) {
      // A file that breaks the reader in a way nobody foresaw is reported like an unreadable one: the night goes on.
      const message = err instanceof UnreadableFileError
        ? err.message
        : `Lỗi khi đọc tệp, cần báo cho bộ phận kỹ thuật (internal error while reading the file): ${firstLine(err)}`;
      return this.#settle(entry, identity, 'failed', message);
    }
    const sheetError = prepared.sheetErrors.length > 0 ? prepared.sheetErrors.join('; ') : null;
    if (prepared.records.length === 0 && sheetError) return this.#settle(entry, identity, 'failed', sheetError);

    entry.error = sheetError;
    const records = prepared.records.map((r) => ({
      source: r.source, values: r.normalized.values, address: r.address, keys: r.keys, issues: r.normalized.issues,
      outcome: r.normalized.outcome,
    }));
    this.#batch.push({ file: { identity, fileError: sheetError, records }, entry });
    this.#batchRecords += records.length;
    if (this.#batchRecords >= BATCH_RECORDS) await this.flush();
  }

  /** Loads what is waiting. */
  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    this.#batch = [];
    this.#batchRecords = 0;
    const { matcher, dryRun, pipeline } = this.options;
    const files = batch.map((b) => b.file);
    const loaded = await loadBatch(this.registry, this.runId, files, matcher.decide, { dryRun, pipeline, candidateKeys: matcher.candidateKeys });
    batch.forEach(({ entry }, index) => this.#account(entry, loaded[index]));
  }

  #account(entry: FileReconciliation, records: readonly LoadRecord[]): void {
    Object.assign(entry, countOutcomes(records));
    for (const record of records) {
      countIssues(record.issues, this.state.issues);
      if (record.decision.outcome === 'rejected') this.state.rejected.push(record);
      if (record.decision.outcome === 'flagged') this.state.flagged.push(record);
    }
  }

  async #settle(entry: FileReconciliation, identity: FileIdentity, status: 'skipped_unchanged' | 'failed', error: string | null): Promise<void> {
    entry.status = status;
    entry.error = error;
    if (!this.options.dryRun) await recordFileOutcome(this.registry.db, this.runId, identity, status, error);
  }
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0];
}

/** Issue counts by code, for the reconciliation (aggregates only). */
function countIssues(issues: Iterable<Issue>, into: Record<string, number>): void {
  for (const issue of issues) into[issue.code] = (into[issue.code] ?? 0) + 1;
}
