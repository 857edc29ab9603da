import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../ingest/discover-files.js';
import type { GazetteerData } from '../normalize/address/gazetteer-data.js';
import { UnreadableFileError } from '../ingest/extract-spreadsheet.js';
import type { PreparedFile } from './prepare-file.js';

export interface PrepareRequest {
  id: number;
  file: DiscoveredFile;
  bytes: ArrayBuffer;
  pipeline: string;
  /** ISO date: "now" for date plausibility. */
  today: string;
}

export type PrepareReply =
  | { id: number; kind: 'prepared'; prepared: PreparedFile }
  | { id: number; kind: 'unreadable'; message: string }
  | { id: number; kind: 'error'; message: string };

const WORKER_URL = new URL('./prepare-worker-entry.mjs', import.meta.url);
const DEFAULT_MAX_HEAP_MB = 4_096;
const MAX_RESPAWNS = 3;

/**
 * Worker threads that extract and normalize files while the main thread loads earlier ones into the registry
 * (the database has one writer; parsing is the other half of the work). Sized to the cores left beside the
 * main thread, at least one.
 *
 * Requests are posted at once, not when a worker is idle: better-sqlite3 is synchronous, so the main thread
 * hears back only between loads, and a worker with its own queue keeps working meanwhile.
 *
 * @example
 * const pool = new PreparePool(gazetteer, '11');
 * try { const prepared = await pool.prepare(file, bytes, 'nightly', new Date()); } finally { await pool.close(); }
 */
export class PreparePool {
  readonly #all: Worker[] = [];
  readonly #outstanding = new Map<Worker, number>();
  readonly #waiting = new Map<number, { worker: Worker; resolve: (reply: PrepareReply) => void; reject: (err: Error) => void }>();
  readonly #workerData: { gazetteer: GazetteerData; defaultProvinceCode: string };
  readonly #resourceLimits: { maxOldGenerationSizeMb: number };
  #nextId = 0;
  #closing = false;
  #respawns = 0;

  /**
   * Every worker gets the run's gazetteer once, at start. `maxHeapMb` bounds each worker's heap: a workbook that
   * explodes in memory kills its worker, not the run.
   */
  constructor(
    gazetteer: GazetteerData,
    defaultProvinceCode: string,
    options: { size?: number; maxHeapMb?: number } = {},
  ) {
    this.#workerData = { gazetteer, defaultProvinceCode };
    this.#resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB };
    for (let i = 0; i < (options.size ?? Math.max(1, availableParallelism() - 1)); i++) this.#spawn();
  }

  #spawn(): void {
    const worker = new Worker(WORKER_URL, { workerData: this.#workerData, resourceLimits: this.#resourceLimits });
    worker.on('message', (reply: PrepareReply) => this.#settle(reply.id, (w) => w.resolve(reply)));
    worker.on('error', (err) => this.#lost(worker, err));
    worker.on('exit', (code) => this.#lost(worker, new Error(`prepare worker exited with code ${code}`)));
    this.#all.push(worker);
    this.#outstanding.set(worker, 0);
  }

  /**
   * A worker died (out of memory on a huge workbook, say): the files it held fail, and a fresh worker takes its place
   * so the rest of the night goes on.
   */
  #lost(worker: Worker, err: Error): void {
    const index = this.#all.indexOf(worker);
    if (index < 0) return;
    this.#all.splice(index, 1);
    this.#outstanding.delete(worker);
    for (const [id, waiter] of [...this.#waiting]) if (waiter.worker === worker) this.#settle(id, (w) => w.reject(err));
    // Workers that die again and again (they cannot even start) are not replaced for ever: the run reports the files.
    if (!this.#closing && this.#respawns < MAX_RESPAWNS) {
      this.#respawns++;
      this.#spawn();
    }
  }

  /** Extracts and normalizes one file in a worker. Throws UnreadableFileError like prepareFile does. */
  async prepare(file: DiscoveredFile, bytes: Buffer, pipeline: string, today: Date): Promise<PreparedFile> {
    if (this.#all.length === 0) throw new Error('các tiến trình đọc tệp đã dừng (the prepare workers keep failing)');
    const worker = this.#all.reduce((a, b) => (this.#outstanding.get(b)! < this.#outstanding.get(a)! ? b : a));
    this.#outstanding.set(worker, this.#outstanding.get(worker)! + 1);
    let reply: PrepareReply;
    try {
      reply = await this.#send(worker, file, bytes, pipeline, today);
    } finally {
      const left = this.#outstanding.get(worker);
      if (left !== undefined) this.#outstanding.set(worker, left - 1);
    }
    if (reply.kind === 'unreadable') throw new UnreadableFileError(reply.message);
    if (reply.kind === 'error') throw new Error(reply.message);
    return reply.prepared;
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#all.map((w) => w.terminate()));
  }

  #send(worker: Worker, file: DiscoveredFile, bytes: Buffer, pipeline: string, today: Date): Promise<PrepareReply> {
    const id = this.#nextId++;
    // Copy into a buffer of its own so it can be transferred (Buffers from readFile may share a pool).
    const copy = new Uint8Array(bytes).buffer;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { worker, resolve, reject });
      const request: PrepareRequest = { id, file, bytes: copy, pipeline, today: today.toISOString() };
      worker.postMessage(request, [copy]);
    });
  }

  #settle(id: number, action: (waiter: { resolve: (reply: PrepareReply) => void; reject: (err: Error) => void }) => void): void {
    const waiter = this.#waiting.get(id);
    if (!waiter) return;
    this.#waiting.delete(id);
    action(waiter);
  }
}
