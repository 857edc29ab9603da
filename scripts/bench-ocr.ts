/**
 * `npm run bench:ocr`: how well and how fast hokhau reads scanned household-book pages (issue 3).
 *
 * Generates seeded household books (scripts/synthetic-scans) at each damage level, one file a page (PNG clean,
 * the scanner's JPEG moderate and poor), then per level:
 * - hokhau: every file through prepareScanFile (the nightly path: decode, preprocessing, OCR on the tesseract.js
 *   pool of one worker per core, label layout, normalization, field checks, address coding), no OCR cache, files
 *   concurrent, timed end to end (workers started before the clock);
 * - native: Debian's `tesseract <page> stdout -l vie` on the same files, OMP_THREAD_LIMIT=1, one process per core;
 * and scores the records against the truth: CER, field accuracy after normalization, silent errors, review load,
 * confidence calibration; with each side's CPU time a page beside the pages/minute.
 *
 *   npm run bench:ocr
 *   npm run bench:ocr -- --pages-per-level 20 --levels clean --no-native
 *   npm run bench:ocr -- --work-dir /tmp/ocr-bench --json /tmp/ocr-bench.json --verbose
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { GazetteerData } from '../src/normalize/address/gazetteer-data.js';
import { BUNDLED_GAZETTEER } from '../src/pipeline/active-gazetteer.js';
import { findPipeline } from '../src/pipeline/find-pipeline.js';
import { createScanTools } from '../src/pipeline/prepare-scan.js';
import { DAMAGE_LEVELS, type DamageLevel } from './synthetic-scans/scan-damage.js';
import { calibrate, replayThresholds, summarizeFields } from './ocr-bench/accuracy-summary.js';
import { benchScanSet } from './ocr-bench/bench-scan-set.js';
import { collectOutcomes, type RecordStats } from './ocr-bench/collect-outcomes.js';
import type { FieldOutcome } from './ocr-bench/field-outcome.js';
import {
  formatCalibration, formatExamples, formatFields, formatRecords, formatSummary, formatThresholds, type LevelFigures, type Throughput,
} from './ocr-bench/format-report.js';
import { runHokhau, warmPool } from './ocr-bench/run-hokhau.js';
import { ensureNativeTesseract, runNative } from './ocr-bench/run-native.js';

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};
const levelList = (v: string): DamageLevel[] => {
  const list = v.split(',').map((s) => s.trim());
  const bad = list.filter((l) => !DAMAGE_LEVELS.includes(l as DamageLevel));
  if (bad.length > 0) throw new InvalidArgumentError(`unknown level ${bad.join(', ')} (clean, moderate, poor)`);
  return list as DamageLevel[];
};

const opts = new Command()
  .name('bench-ocr')
  .description('Accuracy and throughput of hokhau on synthetic scanned household-book pages, against native tesseract')
  .option('--pages-per-level <n>', 'at least this many pages per level (whole books: household page + members)', positive, 50)
  .option('--levels <list>', 'damage levels, comma-separated', levelList, [...DAMAGE_LEVELS])
  .option('--seed <n>', 'PRNG seed of the generated books', (v) => Number(v), 7)
  .option('--no-native', 'skip the native tesseract CLI baseline')
  .option('--in-flight <n>', 'files prepared at once (the OCR pool itself is one worker per core)', positive, 2 * availableParallelism() + 2)
  .option('--json <file>', 'write the figures as JSON')
  .option('--work-dir <dir>', 'where pages are generated (kept, and reused by a later run with the same seed and size)')
  .option('--keep', 'keep the temporary working folder')
  .option('--verbose', 'more of the worst readings, with full IDs')
  .parse()
  .opts<{ pagesPerLevel: number; levels: DamageLevel[]; seed: number; native: boolean; inFlight: number; json?: string; workDir?: string; keep?: boolean; verbose?: boolean }>();

const log = (message: string): void => console.error(`[bench:ocr] ${message}`);
const load = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);
const throughput = (pages: number, seconds: number, cpuMs: number | null): Throughput => ({
  pages, seconds: round(seconds), pagesPerMinute: round((pages / seconds) * 60), cpuMsPerPage: cpuMs === null ? null : Math.round(cpuMs / pages),
});
const round = (x: number): number => Math.round(x * 100) / 100;

const work = opts.workDir ? resolve(opts.workDir) : mkdtempSync(join(tmpdir(), 'hokhau-ocr-bench-'));
mkdirSync(work, { recursive: true });
const loadAtStart = load();
const pipeline = findPipeline('nightly');
const today = new Date();
const nativeVersion = opts.native ? await ensureNativeTesseract(log) : null;

const pages = await benchScanSet(work, { seed: opts.seed, pagesPerLevel: opts.pagesPerLevel, levels: opts.levels }, log);
const gazetteer = JSON.parse(readFileSync(BUNDLED_GAZETTEER, 'utf8')) as GazetteerData;
const tools = createScanTools(gazetteer, pipeline.provinceCode, { ocrCacheDir: null, cropsDir: join(work, 'crops') });

const rows: LevelFigures[] = [];
const outcomes: FieldOutcome[] = [];
const loadDuringRun: Record<string, number[]> = {};
try {
  await warmPool(tools);
  for (const level of opts.levels) {
    const ofLevel = pages.filter((p) => p.level === level);
    log(`${level}: hokhau on ${ofLevel.length} pages (load ${load().join(' ')})`);
    const cpuBefore = process.cpuUsage();
    const run = await runHokhau(ofLevel, tools, pipeline, today, opts.inFlight);
    const cpu = process.cpuUsage(cpuBefore);
    let native: LevelFigures['native'] = null;
    if (opts.native) {
      log(`${level}: native tesseract on the same ${ofLevel.length} pages (load ${load().join(' ')})`);
      const n = await runNative(ofLevel.map((p) => p.path));
      native = { ...throughput(ofLevel.length, n.seconds, n.cpuMs), failures: n.failures };
    }
    loadDuringRun[level] = load();
    const scored = collectOutcomes(run.results, { today, defaultNationality: pipeline.defaultNationality });
    outcomes.push(...scored.outcomes);
    const hokhau = throughput(ofLevel.length, run.seconds, (cpu.user + cpu.system) / 1000);
    rows.push({
      level, pages: ofLevel.length, hokhau, native, ratio: native ? round(hokhau.pagesPerMinute / native.pagesPerMinute) : null,
      accuracy: summarizeFields(scored.outcomes), records: scored.stats,
    });
  }
} finally {
  await tools.pool.close();
}
rows.push(overall(rows, outcomes));
const loadAtEnd = load();

const thresholds = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];
const byLevel = [...opts.levels, 'overall' as const].map((level) => {
  const of = level === 'overall' ? outcomes : outcomes.filter((o) => o.level === level);
  return { level, calibration: calibrate(of), replay: replayThresholds(of, thresholds) };
});

console.log(`\nhokhau OCR bench: seed ${opts.seed}, ${availableParallelism()} CPUs, tesseract.js pool of ${tools.pool.size} workers, `
  + `${opts.inFlight} files in flight; native: ${nativeVersion ?? 'skipped'}`
  + `${opts.native ? `, ${availableParallelism()} processes, OMP_THREAD_LIMIT=1` : ''}`);
console.log(`load average (1/5/15 min): start ${loadAtStart.join(' ')}, end ${loadAtEnd.join(' ')}; pages in ${work}\n`);
console.log(formatSummary(rows));
console.log('targets: ratio ≥ 0.8; field acc ≥ 99% clean, ≥ 97% moderate; silent ≤ 0.5% at every level');
console.log('CER = Σ Levenshtein(read, truth) / Σ truth characters over the scored fields (CER(ocr): the text before post-correction);');
console.log('field acc = fields equal to the truth after normalization; silent = wrong or missing and not sent to review, over all fields;');
console.log('CPU ms/page = hokhau (all its threads: preprocessing, OCR workers, sharp) / native (the tesseract processes): where a ratio is lost.\n');
console.log(formatRecords(rows));
console.log('\nPer field: accuracy, wrong/n (silent)');
console.log(formatFields(outcomes, opts.levels));
console.log('\nCalibration: fields by confidence (lowest word confidence of the field; today review below 0.8)');
console.log(formatCalibration(byLevel));
console.log('\nIf the low-confidence threshold were t (field checks unchanged): silent error rate / review share');
console.log(formatThresholds(byLevel));
console.log('\nWorst readings (silent first, then most confident)');
console.log(formatExamples(outcomes, opts.verbose ? 60 : 15, opts.verbose === true));

if (opts.json) {
  const figures = {
    seed: opts.seed, pagesPerLevel: opts.pagesPerLevel, cpus: availableParallelism(), poolWorkers: tools.pool.size,
    inFlight: opts.inFlight, native: nativeVersion, loadAverage: { start: loadAtStart, afterLevel: loadDuringRun, end: loadAtEnd },
    levels: rows, calibration: byLevel,
    // Every wrong field, for digging into causes, and every field (to calibrate per-field thresholds); only with
    // --verbose (they hold full IDs).
    ...(opts.verbose ? { wrongFields: outcomes.filter((o) => !o.correct), fields: outcomes } : {}),
  };
  writeFileSync(opts.json, `${JSON.stringify(figures, null, 2)}\n`);
  log(`figures written to ${opts.json}`);
}
if (!opts.workDir && !opts.keep) rmSync(work, { recursive: true, force: true });

function overall(levels: readonly LevelFigures[], all: readonly FieldOutcome[]): LevelFigures {
  const pagesTotal = levels.reduce((s, r) => s + r.pages, 0);
  const seconds = (get: (r: LevelFigures) => Throughput | null): number | null =>
    levels.every((r) => get(r) !== null) ? levels.reduce((s, r) => s + get(r)!.seconds, 0) : null;
  const cpuMs = (get: (r: LevelFigures) => Throughput | null): number | null =>
    levels.every((r) => get(r)?.cpuMsPerPage != null) ? levels.reduce((s, r) => s + get(r)!.cpuMsPerPage! * r.pages, 0) : null;
  const h = seconds((r) => r.hokhau);
  const n = seconds((r) => r.native);
  const hokhau = h === null ? null : throughput(pagesTotal, h, cpuMs((r) => r.hokhau));
  const native = n === null ? null : { ...throughput(pagesTotal, n, cpuMs((r) => r.native)), failures: levels.reduce((s, r) => s + (r.native?.failures ?? 0), 0) };
  const records = levels.map((r) => r.records).reduce(addStats);
  return { level: 'overall', pages: pagesTotal, hokhau, native, ratio: hokhau && native ? round(hokhau.pagesPerMinute / native.pagesPerMinute) : null, accuracy: summarizeFields(all), records };
}

function addStats(a: RecordStats, b: RecordStats): RecordStats {
  return {
    memberPages: a.memberPages + b.memberPages, records: a.records + b.records, flagged: a.flagged + b.flagged,
    rejected: a.rejected + b.rejected, pagesReported: a.pagesReported + b.pagesReported,
    commune: { right: a.commune.right + b.commune.right, wrong: a.commune.wrong + b.commune.wrong, uncoded: a.commune.uncoded + b.commune.uncoded },
    bookNoFromFolder: a.bookNoFromFolder + b.bookNoFromFolder, spurious: a.spurious + b.spurious, spuriousSilent: a.spuriousSilent + b.spuriousSilent,
  };
}
