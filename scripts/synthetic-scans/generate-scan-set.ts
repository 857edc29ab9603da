/**
 * Generates a seeded set of scanned household books: for each household its household page and one page
 * per member, printed in one of the editions, damaged at each requested level, written as single pages,
 * a multi-page TIFF or an image-only PDF, with the truth for every page.
 *
 * Every random choice comes from a generator keyed by (seed, household, page, purpose), so a page looks
 * the same whichever levels or formats are asked for, and the same options give the same bytes.
 *
 * @example
 * const { truth } = await generateScanSet({ seed: 7, households: 2, levels: ['clean'], format: 'tiff' },
 *   (file) => writeFileSync(join(out, file.name), file.bytes));
 */
import { Rng } from '../synthetic/prng.js';
import { EDITIONS, type PrintEdition } from './print-editions.js';
import { householdContent, memberContent, type PageContent } from './page-content.js';
import { renderPageSvg } from './render-page-svg.js';
import { damagePage, levelDpi, pageSize, type DamageLevel, type ScannedPage } from './scan-damage.js';
import { encodePage, writePdfBook, writeTiffBook } from './page-files.js';
import { generateScanHouseholds, type ScanHousehold } from './scan-household.js';
import type { ScanFileFormat, ScanTruth, TruthFile, TruthPage } from './scan-truth.js';

export type ScanSetFormat = 'png' | 'jpeg' | 'tiff' | 'pdf' | 'mixed';

export interface ScanSetOptions {
  seed: number;
  households: number;
  levels: readonly DamageLevel[];
  format: ScanSetFormat;
  /** Members at most in a book (9 by default); small books make quick tests and fixtures. */
  maxMembers?: number;
  /** Books built at once (each book's pages are rendered in parallel); 2 by default. */
  concurrency?: number;
}

export interface ScanFile {
  /** Path relative to the output folder. */
  name: string;
  bytes: Buffer;
}

interface BookPage {
  kind: 'household' | 'member';
  content: PageContent;
  /** The page drawing; built on demand so each level renders the same layout. */
  body: () => string;
}

/** Builds the set; each finished file is handed to `emit` (write it out there, to keep memory flat). */
export async function generateScanSet(
  options: ScanSetOptions,
  emit: (file: ScanFile) => void | Promise<void>,
): Promise<ScanTruth> {
  const households = generateScanHouseholds(options.seed, options.households, options.maxMembers);
  const truth: ScanTruth = {
    generator: 'scripts/generate-scans.ts',
    version: 1,
    seed: options.seed,
    households: options.households,
    levels: [...options.levels],
    format: options.format,
    files: [],
  };
  const jobs: (() => Promise<TruthFile[]>)[] = [];
  for (const level of options.levels) {
    for (const h of households) jobs.push(() => buildBook(options, h, level, emit));
  }
  // Keep file order in the truth stable whatever finishes first.
  const results: TruthFile[][] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  });
  await Promise.all(workers);
  truth.files = results.flat();
  return truth;
}

async function buildBook(options: ScanSetOptions, h: ScanHousehold, level: DamageLevel,
  emit: (file: ScanFile) => void | Promise<void>): Promise<TruthFile[]> {
  const choice = keyedRng(options.seed, h.index, 0, 'book');
  const edition = choice.pick(EDITIONS);
  const format = fileFormat(options.format, choice.weighted([['single', 4], ['tiff', 3], ['pdf', 3]] as const), level);
  const pages = bookPages(options.seed, h, edition);
  const scans = await Promise.all(pages.map((p, i) =>
    damagePage(p.body(), level, keyedRng(options.seed, h.index, i + 1, `damage:${level}`))));

  const base = `${level}/so-${h.bookNo}`;
  const truthPage = (file: string, i: number, scan: ScannedPage): TruthPage => ({
    file, page: file.endsWith('.tiff') || file.endsWith('.pdf') ? i + 1 : 1, kind: pages[i].kind, book_no: h.bookNo,
    edition: edition.id, level, dpi: scan.dpi, fields: pages[i].content.fields, expected: pages[i].content.expected,
    damage: scan.damage,
  });
  const fileEntry = (file: string, fmt: ScanFileFormat, truthPages: TruthPage[]): TruthFile => ({
    file, format: fmt, level, dpi: levelDpi(level), ...pageSize(level), book_no: h.bookNo, edition: edition.id, pages: truthPages,
  });

  if (format === 'tiff' || format === 'pdf') {
    const file = `${base}.${format}`;
    await emit({ name: file, bytes: format === 'tiff' ? await writeTiffBook(scans) : await writePdfBook(scans) });
    return [fileEntry(file, format, scans.map((s, i) => truthPage(file, i, s)))];
  }
  const out: TruthFile[] = [];
  for (let i = 0; i < scans.length; i++) {
    const file = `${base}/trang-${String(i + 1).padStart(2, '0')}.${format === 'jpeg' ? 'jpg' : 'png'}`;
    await emit({ name: file, bytes: await encodePage(scans[i], format) });
    out.push(fileEntry(file, format, [truthPage(file, i, scans[i])]));
  }
  return out;
}

/** The household page then one page per member, in book order. */
function bookPages(seed: number, h: ScanHousehold, edition: PrintEdition): BookPage[] {
  const hh = householdContent(h, edition);
  const pages: BookPage[] = [{
    kind: 'household',
    content: hh,
    body: () => renderPageSvg({ kind: 'household', edition, rows: edition.householdRows, values: hh.values,
      footer: { date: h.registered, caption: 'TRƯỞNG CÔNG AN', officer: h.officer }, pageNo: 1 },
    keyedRng(seed, h.index, 1, 'layout')),
  }];
  h.members.forEach((m, i) => {
    const content = memberContent(m, edition);
    pages.push({
      kind: 'member',
      content,
      body: () => renderPageSvg({ kind: 'member', edition, rows: edition.memberRows, values: content.values,
        footer: { date: m.registered, caption: edition.officerCaption, officer: m.officer }, pageNo: i + 2 },
      keyedRng(seed, h.index, i + 2, 'layout')),
    });
  });
  return pages;
}

/** Single pages follow the level: lossless PNG for a clean scan, the scanner's JPEG otherwise. */
function fileFormat(asked: ScanSetFormat, mixed: 'single' | 'tiff' | 'pdf', level: DamageLevel): 'png' | 'jpeg' | 'tiff' | 'pdf' {
  if (asked !== 'mixed') return asked;
  if (mixed !== 'single') return mixed;
  return level === 'clean' ? 'png' : 'jpeg';
}

/** A generator for one purpose on one page, independent of every other (FNV-1a of the key). */
function keyedRng(seed: number, household: number, page: number, purpose: string): Rng {
  let h = 0x811c9dc5;
  for (const ch of `${seed}|${household}|${page}|${purpose}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return new Rng(h);
}
