/**
 * `npm run bench`: imports 10k and 100k generated persons and prints records/s, peak RSS, and the raw
 * better-sqlite3 insert rate of the same rows measured in the same run (the ceiling: every row
 * the import wrote, re-inserted with prepared statements in one transaction), so the figures are ratios
 * on a noisy machine. Usage: npm run bench [-- --sizes 10000,100000 --seed 7]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('sizes', '10000,100000').split(',').map(Number);
const seed = option('seed', '7');
const tsx = ['--import', 'tsx'];

interface Measure {
  persons: number;
  records: number;
  seconds: number;
  maxRssMiB: number;
  rawRowsPerSecond: number;
}

const WRITTEN_TABLES = ['households', 'persons', 'memberships', 'source_records', 'quarantine'];

/**
 * The ceiling: every row the import wrote (all tables, same indexes), inserted again with one prepared statement
 * per table in one transaction, as input records per second.
 */
function rawInsertRate(dbFile: string, records: number): number {
  const source = new Database(dbFile, { readonly: true });
  const tables = WRITTEN_TABLES.map((name) => ({
    ddl: (source.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql,
    rows: source.prepare(`SELECT * FROM ${name}`).raw().all() as unknown[][],
  }));
  // The same secondary indexes as the registry: the ceiling writes the same rows into the same schema.
  const indexes = source
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (" + WRITTEN_TABLES.map(() => '?').join(',') + ')')
    .pluck()
    .all(...WRITTEN_TABLES) as string[];
  source.close();
  const dir = mkdtempSync(join(tmpdir(), 'hokhau-raw-'));
  const target = new Database(join(dir, 'raw.sqlite'));
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = NORMAL');
  for (const { ddl } of tables) target.exec(ddl.replace(/REFERENCES\s+"?\w+"?\s*\("?\w+"?\)/gi, ''));
  for (const sql of indexes) target.exec(sql);
  const started = performance.now();
  target.transaction(() => {
    for (const [index, { rows }] of tables.entries()) {
      if (rows.length === 0) continue;
      const insert = target.prepare(`INSERT INTO ${WRITTEN_TABLES[index]} VALUES (${rows[0].map(() => '?').join(',')})`);
      for (const row of rows) insert.run(row);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  target.close();
  rmSync(dir, { recursive: true, force: true });
  return records / seconds;
}

function measure(persons: number): Measure {
  const dir = mkdtempSync(join(tmpdir(), `hokhau-bench-${persons}-`));
  const inbox = join(dir, 'inbox');
  execFileSync(process.execPath, [...tsx, 'scripts/generate-spreadsheets.ts', '--persons', String(persons), '--seed', seed, '--out', inbox, '--format', 'csv'], { stdio: 'ignore' });
  const db = join(dir, 'registry.sqlite');
  const line = execFileSync(process.execPath, [...tsx, 'scripts/bench-import-child.ts', inbox, db, join(dir, 'out')], { encoding: 'utf8' });
  const run = JSON.parse(line.trim().split('\n').pop()!) as { seconds: number; records: number; maxRssMiB: number };
  const raw = rawInsertRate(db, run.records);
  rmSync(dir, { recursive: true, force: true });
  return { persons, records: run.records, seconds: run.seconds, maxRssMiB: run.maxRssMiB, rawRowsPerSecond: raw };
}

const results = sizes.map(measure);
console.log('persons   records  seconds  records/s  raw insert/s  ratio   peak RSS   (raw: the same rows re-inserted, per input record)');
for (const r of results) {
  const rate = r.records / r.seconds;
  console.log(
    `${String(r.persons).padStart(7)}  ${String(r.records).padStart(8)}  ${r.seconds.toFixed(2).padStart(7)}  ${rate.toFixed(0).padStart(9)}` +
      `  ${r.rawRowsPerSecond.toFixed(0).padStart(12)}  ${(rate / r.rawRowsPerSecond).toFixed(3).padStart(5)}  ${r.maxRssMiB.toFixed(0).padStart(5)} MiB`,
  );
}
if (results.length >= 2) {
  const [small, large] = [results[0], results[results.length - 1]];
  const perRecord = (r: Measure) => r.seconds / r.records;
  console.log(`cost per record, ${large.persons} vs ${small.persons}: ×${(perRecord(large) / perRecord(small)).toFixed(2)} (1.00 = linear)`);
}
