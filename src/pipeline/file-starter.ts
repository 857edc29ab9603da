import type { FileIdentity } from '../db/load-records.js';
import { isScan, readWithHash, type DiscoveredFile } from '../ingest/discover-files.js';
import type { GazetteerData } from '../normalize/address/gazetteer-data.js';
import { dirname } from 'node:path';
import type { HouseholdContext } from '../ocr/pages-to-records.js';
import { BookContexts } from './book-context.js';
import type { BookSlot, ScanTools } from './prepare-scan.js';
import type { PipelineDefinition } from './pipeline-definition.js';
import { PreparePool } from './prepare-pool.js';
import type { PreparedFile } from './prepare-file.js';

/** A file read and hashed, then skipped, unreadable, or on its way through a prepare worker. */
export type StartedFile =
  | { kind: 'skipped'; identity: FileIdentity }
  | { kind: 'unreadable'; identity: FileIdentity; message: string }
  | { kind: 'preparing'; identity: FileIdentity; prepared: Promise<PreparedFile> };

/**
 * Starts files ahead of the loader: reads and hashes each (in order, so a second copy of the same bytes in one
 * run is seen as skipped), skips those an earlier run loaded, and hands the rest to the prepare workers. It needs
 * no database: the loader's synchronous writes must not stall the files queued for the workers.
 *
 * @example
 * starter.start(0, files[0]); starter.start(1, files[1]);
 * const first = await starter.take(0);
 */
export class FileStarter {
  readonly #started = new Map<number, Promise<StartedFile>>();
  readonly #taken = new Set<number>();
  readonly #seen: Set<string>;
  #last: Promise<unknown> = Promise.resolve();
  #pool: PreparePool | null = null;
  #scanTools: Promise<ScanTools> | null = null;
  readonly #books = new BookContexts<HouseholdContext>();

  /**
   * `loadedHashes`: sha256 of every file earlier runs loaded. `scans`: where OCR results are cached (null: no
   * cache) and where reviewers' crops of doubtful fields go.
   */
  constructor(
    loadedHashes: ReadonlySet<string>,
    private readonly pipeline: PipelineDefinition,
    private readonly gazetteer: GazetteerData,
    private readonly today: Date,
    private readonly scans: { ocrCacheDir: string | null; cropsDir: string },
  ) {
    this.#seen = new Set(loadedHashes);
  }

  /** Starts file `index` unless it already is. */
  start(index: number, file: DiscoveredFile): void {
    if (this.#started.has(index) || this.#taken.has(index)) return;
    const started = this.#last.then(() => this.#begin(file));
    this.#last = started.catch(() => undefined);
    this.#started.set(index, started);
  }

  /** The started file `index` (start it first); forgets it, so its bytes and records can be freed. */
  async take(index: number): Promise<StartedFile> {
    const started = this.#started.get(index);
    if (!started) throw new Error(`file ${index} was not started`);
    this.#started.delete(index);
    this.#taken.add(index);
    return started;
  }

  /**
   * Starts the prepare workers now if any of these files is a spreadsheet, so they load their code while the main
   * thread is busy (training the match model): its synchronous work leaves no turn to start them from `start`.
   */
  startWorkers(files: readonly DiscoveredFile[]): void {
    if (files.some((file) => !isScan(file.kind))) this.#workers();
  }

  async close(): Promise<void> {
    await Promise.all([this.#pool?.close(), this.#scanTools?.then((tools) => tools.pool.close())]);
  }

  async #begin(file: DiscoveredFile): Promise<StartedFile> {
    let read: { bytes: Buffer; sha256: string };
    const identity: FileIdentity = { sha256: '', name: file.name, path: file.path, kind: file.kind, sizeBytes: file.sizeBytes };
    try {
      read = await readWithHash(file.path);
    } catch (err) {
      return { kind: 'unreadable', identity, message: `Không đọc được tệp: ${(err as Error).message} (cannot read the file)` };
    }
    identity.sha256 = read.sha256;
    if (this.#seen.has(read.sha256)) return { kind: 'skipped', identity };
    this.#seen.add(read.sha256);
    const prepared = isScan(file.kind)
      ? this.#prepareScan(file, read.bytes, this.#books.enter(dirname(file.path))) // entered in file order
      : this.#workers().prepare(file, read.bytes, this.pipeline.name, this.today);
    prepared.catch(() => undefined); // awaited, and its error handled, when the loader takes this file
    return { kind: 'preparing', identity, prepared };
  }

  #workers(): PreparePool {
    return (this.#pool ??= new PreparePool(this.gazetteer, this.pipeline.provinceCode));
  }

  /**
   * Scans are read here, on the main thread: tesseract.js runs its own worker threads and sharp its own pool.
   * The OCR code, its workers and a gazetteer index are loaded with the first scan: a spreadsheet-only night
   * pays for none of them.
   */
  async #prepareScan(file: DiscoveredFile, bytes: Buffer, book: BookSlot): Promise<PreparedFile> {
    try {
      const { prepareScanFile, createScanTools } = await import('./prepare-scan.js');
      this.#scanTools ??= Promise.resolve(createScanTools(this.gazetteer, this.pipeline.provinceCode, this.scans));
      return await prepareScanFile(file, bytes, this.pipeline, this.today, await this.#scanTools, book);
    } finally {
      book.settle(null); // no-op once prepareScanFile settled; unblocks the next page of the book if loading failed
    }
  }
}
