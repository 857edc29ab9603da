import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PQueue from 'p-queue';
import { createWorker, OEM, PSM, type RecognizeOptions, type Worker } from 'tesseract.js';
import type { OcrBox, OcrLine, OcrPage } from './ocr-types.js';

/**
 * Which of the package's two models is read. Run LSTM-only, `4.0.0` (tessdata's) and `4.0.0_best_int` hold the
 * same network (identical readings and speed on book pages); best_int is the smaller download to load.
 */
export const VIETNAMESE_MODEL = '4.0.0_best_int';

/** The Vietnamese model shipped inside the npm package @tesseract.js-data/vie: read from node_modules, never downloaded. */
export function vietnameseModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/vie/package.json')), VIETNAMESE_MODEL);
}

export interface TesseractPoolOptions {
  /** Workers; defaults to the CPU count (tesseract.js runs one page per worker thread). */
  workers?: number;
  /** A worker is replaced after this many pages, so the WebAssembly heap cannot grow without bound. */
  pagesPerWorker?: number;
}

interface PoolWorker {
  worker: Worker;
  pages: number;
  /** What the worker is set up to read: a whole page (one column of lines) or one line cut out of a page. */
  mode: ReadMode;
}

type ReadMode = 'page' | 'line';

/** One line read on its own: its text (NFC, trimmed) and tesseract's mean confidence, 0–100. */
export interface LineReading {
  text: string;
  confidence: number;
}

/**
 * A pool of tesseract.js workers behind p-queue: `recognize` waits for a free worker, reads the page and hands
 * the worker back (or replaces it after `pagesPerWorker` pages). Workers start lazily and load the model from
 * node_modules with caching off, so nothing is fetched or written at run time.
 *
 * @example
 * const pool = new TesseractPool();
 * const page = await pool.recognize(png, { width: 1748, height: 2480 }); // OcrPage: lines → words with confidence and boxes
 * await pool.close();
 */
export class TesseractPool {
  readonly size: number;
  readonly #pagesPerWorker: number;
  readonly #queue: PQueue;
  readonly #idle: PoolWorker[] = [];
  readonly #all = new Set<PoolWorker>();
  #closed = false;

  constructor(options: TesseractPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.#pagesPerWorker = Math.max(1, options.pagesPerWorker ?? 200);
    this.#queue = new PQueue({ concurrency: this.size });
  }

  /** Pages waiting for a worker (for progress and back-pressure). */
  get pending(): number {
    return this.#queue.size + this.#queue.pending;
  }

  /**
   * Reads one page image (PNG, JPEG or PGM bytes of `size` pixels). `size.dpi` tells tesseract the resolution of an
   * image that cannot carry one (PGM), as a PNG's density would.
   */
  async recognize(image: Buffer, size: { width: number; height: number; dpi?: number }): Promise<OcrPage> {
    if (this.#closed) throw new Error('TesseractPool is closed');
    // tesseract.js hands options it does not know to tesseract as parameters, for this one reading only.
    const options = (size.dpi === undefined ? {} : { user_defined_dpi: String(size.dpi) }) as Partial<RecognizeOptions>;
    // Words as TSV, not tesseract.js's blocks: the blocks' JSON carries every symbol and its alternatives, and
    // building it cost ≈ 40 ms a page (≈ 9% of the page's reading).
    return (await this.#queue.add(() => this.#run('page', (worker) => worker.recognize(image, options, { tsv: true, text: false }).then(
      (result) => toOcrPage(result.data.tsv ?? '', size),
    )))) as OcrPage;
  }

  /**
   * Reads a small image holding one line of text (an entry cut out of a page) as a single line. Cheap next to a
   * page (≈ 15 ms against ≈ 430 ms for a shrunk page) and does not count towards a worker's page limit.
   */
  async recognizeLine(image: Buffer): Promise<LineReading> {
    if (this.#closed) throw new Error('TesseractPool is closed');
    return (await this.#queue.add(() => this.#run('line', (worker) => worker.recognize(image).then(
      (result) => ({ text: result.data.text.normalize('NFC').replace(/\s+/g, ' ').trim(), confidence: result.data.confidence }),
    )))) as LineReading;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue.onIdle();
    const workers = [...this.#all];
    this.#all.clear();
    this.#idle.length = 0;
    await Promise.all(workers.map((w) => w.worker.terminate().catch(() => undefined)));
  }

  async #run<T>(mode: ReadMode, read: (worker: Worker) => Promise<T>): Promise<T> {
    const slot = this.#idle.pop() ?? (await this.#start());
    let healthy = false;
    try {
      if (slot.mode !== mode) {
        await slot.worker.setParameters({ tessedit_pageseg_mode: mode === 'page' ? PSM.SINGLE_COLUMN : PSM.SINGLE_LINE });
        slot.mode = mode;
      }
      const result = await read(slot.worker);
      healthy = true;
      return result;
    } finally {
      if (mode === 'page') slot.pages += 1;
      if (healthy && slot.pages < this.#pagesPerWorker && !this.#closed) this.#idle.push(slot);
      else {
        this.#all.delete(slot);
        void slot.worker.terminate().catch(() => undefined);
      }
    }
  }

  async #start(): Promise<PoolWorker> {
    const worker = await createWorker('vie', OEM.LSTM_ONLY, {
      langPath: vietnameseModelDir(),
      gzip: true,
      cacheMethod: 'none',
    });
    // A book page is one column of label/entry lines, some sharing a line ("Giới tính: Nữ   Dân tộc: Thái").
    // Automatic segmentation cuts such lines into blocks and reads an entry apart from its label (or loses it);
    // one column of lines of varying size keeps each line whole, and is 2× faster.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_COLUMN, preserve_interword_spaces: '1' });
    const slot: PoolWorker = { worker, pages: 0, mode: 'page' };
    this.#all.add(slot);
    return slot;
  }
}

/** Columns of tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, confidence, text. */
const TSV_LEVEL_LINE = '4';
const TSV_LEVEL_WORD = '5';

/**
 * Tesseract's TSV → the plain lines and words the layout reader needs: text in NFC, empty words and lines
 * dropped, word confidences in whole numbers as tesseract.js's blocks give them, a line's confidence the mean of
 * its words'.
 *
 * @example
 * toOcrPage('4\t1\t1\t1\t1\t0\t52\t53\t310\t46\t-1\t\n5\t1\t1\t1\t1\t1\t52\t53\t91\t38\t96.4\tDân\n', { width: 400, height: 100 });
 * // { width: 400, height: 100, lines: [{ text: 'Dân', confidence: 96, bbox: { x0: 52, y0: 53, x1: 362, y1: 99 }, words: [{ text: 'Dân', confidence: 96, bbox: { x0: 52, y0: 53, x1: 143, y1: 91 } }] }] }
 */
export function toOcrPage(tsv: string, size?: { width: number; height: number }): OcrPage {
  const lines: OcrLine[] = [];
  let width = size?.width ?? 0;
  let height = size?.height ?? 0;
  let line: OcrLine | null = null;
  const close = (): void => {
    if (line === null || line.words.length === 0) return;
    line.text = line.words.map((w) => w.text).join(' ');
    line.confidence = line.words.reduce((sum, w) => sum + w.confidence, 0) / line.words.length;
    lines.push(line);
    width = Math.max(width, line.bbox.x1);
    height = Math.max(height, line.bbox.y1);
  };
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells[0] === TSV_LEVEL_LINE) {
      close();
      line = { text: '', confidence: 0, bbox: tsvBox(cells), words: [] };
    } else if (cells[0] === TSV_LEVEL_WORD && line !== null) {
      const text = (cells[11] ?? '').normalize('NFC').trim();
      if (text !== '') line.words.push({ text, confidence: Math.trunc(Number(cells[10])), bbox: tsvBox(cells) });
    }
  }
  close();
  return { width, height, lines };
}

function tsvBox(cells: string[]): OcrBox {
  const [left, top, w, h] = cells.slice(6, 10).map(Number) as [number, number, number, number];
  return { x0: left, y0: top, x1: left + w, y1: top + h };
}
