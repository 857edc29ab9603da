/**
 * Writes a seeded set of synthetic Điện Biên household spreadsheets and its truth.json.
 *
 *   node --import tsx scripts/generate-spreadsheets.ts --persons 10000 --seed 7 --out /tmp/x --format mixed
 *
 * Same seed and options → same bytes. See scripts/synthetic/ for what the files contain.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { generateFileSet } from './synthetic/generate-file-set.js';
import { truthToJson } from './synthetic/truth-builder.js';

const int = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
};

const program = new Command()
  .name('generate-spreadsheets')
  .description('Synthetic household-registration spreadsheets of Điện Biên, with truth.json')
  .requiredOption('--out <dir>', 'output directory')
  .option('--persons <n>', 'number of distinct persons', int, 1000)
  .option('--seed <n>', 'PRNG seed', int, 7)
  .option('--format <format>', 'csv | xlsx | mixed', 'mixed')
  .parse();

const opts = program.opts<{ out: string; persons: number; seed: number; format: string }>();
if (!['csv', 'xlsx', 'mixed'].includes(opts.format)) program.error(`--format must be csv, xlsx or mixed, not ${opts.format}`);

const started = Date.now();
const { files, truth } = await generateFileSet({ seed: opts.seed, persons: opts.persons, format: opts.format as 'csv' | 'xlsx' | 'mixed' });
mkdirSync(opts.out, { recursive: true });
for (const f of files) writeFileSync(join(opts.out, f.name), f.bytes);
writeFileSync(join(opts.out, 'truth.json'), truthToJson(truth));
const outcomes: Record<string, number> = {};
for (const r of truth.records) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
console.log(
  JSON.stringify({ files: files.length, persons: truth.persons, records: truth.records.length, outcomes, ms: Date.now() - started, out: opts.out }),
);
