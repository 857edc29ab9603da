/**
 * hokhau's side of the throughput race: every page file through prepareScanFile, the path the nightly import
 * takes for a scan (decode → preprocessing → OCR on the shared worker pool → label layout → records normalized,
 * field checks, address coding), with the book context handed from page to page of a folder as the nightly
 * FileStarter does. Files run concurrently, a bounded number in flight, so every OCR worker stays busy while the
 * next pages are decoded and preprocessed.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import sharp from 'sharp';
import type { HouseholdContext } from '../../src/ocr/pages-to-records.js';
import { BookContexts } from '../../src/pipeline/book-context.js';
import type { PipelineDefinition } from '../../src/pipeline/pipeline-definition.js';
import type { PreparedFile } from '../../src/pipeline/prepare-file.js';
import { prepareScanFile, type ScanTools } from '../../src/pipeline/prepare-scan.js';
import type { BenchPage } from './bench-scan-set.js';

export interface PreparedPage {
  page: BenchPage;
  /** Null when the whole file was refused (its message in `error`). */
  prepared: PreparedFile | null;
  error: string | null;
}

/**
 * Runs the pages (in book order) and times them from the first read to the last record.
 *
 * @example
 * const { results, seconds } = await runHokhau(pages, tools, findPipeline('nightly'), new Date(), 6);
 */
export async function runHokhau(
  pages: readonly BenchPage[],
  tools: ScanTools,
  pipeline: PipelineDefinition,
  today: Date,
  inFlight: number,
): Promise<{ results: PreparedPage[]; seconds: number }> {
  const books = new BookContexts<HouseholdContext>();
  // Slots are taken in file order before anything runs: page N waits for the household page N-1 handed on.
  const slots = pages.map((p) => books.enter(dirname(p.path)));
  const results: PreparedPage[] = new Array(pages.length);
  const started = process.hrtime.bigint();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < pages.length) {
      const i = next++;
      const page = pages[i];
      try {
        const bytes = await readFile(page.path);
        const file = { name: basename(page.path), path: page.path };
        results[i] = { page, prepared: await prepareScanFile(file, bytes, pipeline, today, tools, slots[i]), error: null };
      } catch (err) {
        slots[i].settle(null);
        results[i] = { page, prepared: null, error: (err as Error).message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { results, seconds };
}

/**
 * Starts every OCR worker before the clock runs (loading the model is paid once a night, not per page), by
 * reading one small line of text on each.
 */
export async function warmPool(tools: ScanTools): Promise<void> {
  const width = 600;
  const height = 80;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>`
    + `<text x="10" y="55" font-size="40" font-family="DejaVu Sans">Họ và tên: Lò Văn Pánh</text></svg>`;
  const png = await sharp(Buffer.from(svg)).grayscale().png().toBuffer();
  await Promise.all(Array.from({ length: tools.pool.size }, () => tools.pool.recognize(png, { width, height })));
}
