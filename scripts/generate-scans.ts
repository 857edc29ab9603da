/**
 * Writes a seeded set of synthetic scanned household books (sổ hộ khẩu) and its truth.json.
 *
 *   node --import tsx scripts/generate-scans.ts --out /tmp/scans --seed 7 --households 10 --level all --format mixed
 *
 * Files go to <out>/<level>/: so-<book>.tiff and so-<book>.pdf (one book a file: household page, then one
 * page per member), or so-<book>/trang-NN.png|jpg (single pages). Same options → same bytes.
 * See scripts/synthetic-scans/ for the editions, the damage levels and the truth format.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { generateScanSet, type ScanSetFormat } from './synthetic-scans/generate-scan-set.js';
import { DAMAGE_LEVELS, type DamageLevel } from './synthetic-scans/scan-damage.js';
import { scanTruthToJson } from './synthetic-scans/scan-truth.js';

const int = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
};
const FORMATS = ['png', 'jpeg', 'tiff', 'pdf', 'mixed'];

const program = new Command()
  .name('generate-scans')
  .description('Synthetic scanned household-book pages of Điện Biên, with truth.json')
  .requiredOption('--out <dir>', 'output directory')
  .option('--seed <n>', 'PRNG seed', int, 7)
  .option('--households <n>', 'number of household books', int, 10)
  .option('--level <level>', 'clean | moderate | poor | all', 'all')
  .option('--format <format>', 'png | jpeg | tiff | pdf | mixed', 'mixed')
  .option('--max-members <n>', 'members at most in a book', int, 9)
  .option('--concurrency <n>', 'books built at once', int, 2)
  .parse();

const opts = program.opts<{ out: string; seed: number; households: number; level: string; format: string; maxMembers: number; concurrency: number }>();
if (!FORMATS.includes(opts.format)) program.error(`--format must be one of ${FORMATS.join(', ')}, not ${opts.format}`);
if (opts.level !== 'all' && !DAMAGE_LEVELS.includes(opts.level as DamageLevel))
  program.error(`--level must be clean, moderate, poor or all, not ${opts.level}`);
const levels = opts.level === 'all' ? DAMAGE_LEVELS : [opts.level as DamageLevel];

const started = Date.now();
let bytes = 0;
const truth = await generateScanSet(
  { seed: opts.seed, households: opts.households, levels, format: opts.format as ScanSetFormat,
    maxMembers: opts.maxMembers, concurrency: opts.concurrency },
  (file) => {
    const path = join(opts.out, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
    bytes += file.bytes.length;
  },
);
mkdirSync(opts.out, { recursive: true });
writeFileSync(join(opts.out, 'truth.json'), scanTruthToJson(truth));

const summary: Record<string, { files: number; pages: number }> = {};
for (const f of truth.files) {
  const key = `${f.level}/${f.format}`;
  summary[key] ??= { files: 0, pages: 0 };
  summary[key].files++;
  summary[key].pages += f.pages.length;
}
console.log(JSON.stringify({
  out: opts.out,
  truth: join(opts.out, 'truth.json'),
  households: opts.households,
  files: truth.files.length,
  pages: truth.files.reduce((n, f) => n + f.pages.length, 0),
  byLevelAndFormat: summary,
  megabytes: Math.round(bytes / 1e5) / 10,
  ms: Date.now() - started,
}));
