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
  readonly #waiting = new Map<number, { resolve: (reply: PrepareReply) => void; reject: (err: Error) => void }>();
  #nextId = 0;

  /** Every worker gets the run's gazetteer once, at start. */
  constructor(gazetteer: GazetteerData, defaultProvinceCode: string, size = Math.max(1, availableParallelism() - 1)) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_URL, { workerData: { gazetteer, defaultProvinceCode } });
      worker.on('message', (reply: PrepareReply) => this.#settle(reply.id, (w) => w.resolve(reply)));
      worker.on('error', (err) => this.#failAll(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.#failAll(new Error(`prepare worker exited with code ${code}`));
      });
      this.#all.push(worker);
      this.#outstanding.set(worker, 0);
    }
  }

  /** Extracts and normalizes one file in a worker. Throws UnreadableFileError like prepareFile does. */
  async prepare(file: DiscoveredFile, bytes: Buffer, pipeline: string, today: Date): Promise<PreparedFile> {
    const worker = this.#all.reduce((a, b) => (this.#outstanding.get(b)! < this.#outstanding.get(a)! ? b : a));
    this.#outstanding.set(worker, this.#outstanding.get(worker)! + 1);
    let reply: PrepareReply;
    try {
      reply = await this.#send(worker, file, bytes, pipeline, today);
    } finally {
      this.#outstanding.set(worker, this.#outstanding.get(worker)! - 1);
    }
    if (reply.kind === 'unreadable') throw new UnreadableFileError(reply.message);
    if (reply.kind === 'error') throw new Error(reply.message);
    return reply.prepared;
  }

  async close(): Promise<void> {
    await Promise.all(this.#all.map((w) => w.terminate()));
  }

  #send(worker: Worker, file: DiscoveredFile, bytes: Buffer, pipeline: string, today: Date): Promise<PrepareReply> {
    const id = this.#nextId++;
    // Copy into a buffer of its own so it can be transferred (Buffers from readFile may share a pool).
    const copy = new Uint8Array(bytes).buffer;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      const request: PrepareRequest = { id, file, bytes: copy, pipeline, today: today.toISOString() };
      worker.postMessage(request, [copy]);
    });
  }

  #settle(id: number, action: (waiter: { resolve: (reply: PrepareReply) => void; reject: (err: Error) => void }) => void) {
    const waiter = this.#waiting.get(id);
    if (!waiter) return;
    this.#waiting.delete(id);
    action(waiter);
  }

  #failAll(err: Error) {
    for (const id of [...this.#waiting.keys()]) this.#settle(id, (w) => w.reject(err));
  }
}
