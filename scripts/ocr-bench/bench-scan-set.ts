/**
 * The benchmark's pages: a seeded set of household books from the synthetic-scan generator, one file a page
 * ("so-<book>/trang-NN.png" as a book scanned page by page), PNG for clean scans and the scanner's JPEG for
 * moderate and poor ones. Each level holds the same books, so levels differ only by the damage.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateScanSet } from '../synthetic-scans/generate-scan-set.js';
import { generateScanHouseholds } from '../synthetic-scans/scan-household.js';
import type { DamageLevel } from '../synthetic-scans/scan-damage.js';
import { scanTruthToJson, type ScanTruth, type TruthPage } from '../synthetic-scans/scan-truth.js';

export interface BenchPage {
  level: DamageLevel;
  /** Absolute path of the page's file. */
  path: string;
  truth: TruthPage;
}

/**
 * How many households give at least `pages` pages (a household page plus one page per member each).
 *
 * @example
 * householdsFor(7, 50); // 8, when the first 8 books of seed 7 hold 52 pages
 */
export function householdsFor(seed: number, pages: number): number {
  const books = generateScanHouseholds(seed, Math.max(1, pages));
  let total = 0;
  for (const [i, h] of books.entries()) {
    total += 1 + h.members.length;
    if (total >= pages) return i + 1;
  }
  return books.length;
}

/**
 * Writes (or finds, when an earlier run with the same seed and size left it in `dir`) each level's pages and
 * truth, and lists every page in book order.
 *
 * @example
 * const pages = await benchScanSet('/tmp/ocr-bench', { seed: 7, pagesPerLevel: 50, levels: ['clean'] });
 */
export async function benchScanSet(
  dir: string,
  options: { seed: number; pagesPerLevel: number; levels: readonly DamageLevel[] },
  log: (message: string) => void = () => undefined,
): Promise<BenchPage[]> {
  const households = householdsFor(options.seed, options.pagesPerLevel);
  const pages: BenchPage[] = [];
  for (const level of options.levels) {
    const truthPath = join(dir, `truth-${level}.json`);
    let truth = existsSync(truthPath) ? (JSON.parse(readFileSync(truthPath, 'utf8')) as ScanTruth) : null;
    if (!truth || truth.seed !== options.seed || truth.households !== households) {
      const started = Date.now();
      truth = await generateScanSet(
        { seed: options.seed, households, levels: [level], format: level === 'clean' ? 'png' : 'jpeg' },
        (file) => {
          const path = join(dir, file.name);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.bytes);
        },
      );
      writeFileSync(truthPath, scanTruthToJson(truth));
      log(`generated ${level}: ${truth.files.length} pages of ${households} books in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    for (const file of truth.files) {
      for (const page of file.pages) pages.push({ level, path: join(dir, file.file), truth: page });
    }
  }
  return pages;
}
