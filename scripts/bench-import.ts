/**
 * `npm run bench`: imports 10k and 100k generated persons and prints records/s, peak RSS, and the raw
 * better-sqlite3 insert rate of the same rows measured in the same run (the ceiling), so the figures are ratios
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

/** The ceiling: the persons rows the import produced, inserted with one prepared statement in one transaction. */
function rawInsertRate(dbFile: string): number {
  const source = new Database(dbFile, { readonly: true });
  const rows = source.prepare('SELECT * FROM persons').all() as Record<string, unknown>[];
  const ddl = (source.prepare("SELECT sql FROM sqlite_master WHERE name = 'persons'").get() as { sql: string }).sql;
  source.close();
  const dir = mkdtempSync(join(tmpdir(), 'hokhau-raw-'));
  const target = new Database(join(dir, 'raw.sqlite'));
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = NORMAL');
  target.exec(ddl.replace(/REFERENCES "?households"?\s*\("?id"?\)/gi, ''));
  const columns = Object.keys(rows[0]);
  const insert = target.prepare(`INSERT INTO persons (${columns.join(',')}) VALUES (${columns.map((c) => '@' + c).join(',')})`);
  const started = performance.now();
  target.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  const seconds = (performance.now() - started) / 1000;
  target.close();
  rmSync(dir, { recursive: true, force: true });
  return rows.length / seconds;
}

function measure(persons: number): Measure {
  const dir = mkdtempSync(join(tmpdir(), `hokhau-bench-${persons}-`));
  const inbox = join(dir, 'inbox');
  execFileSync(process.execPath, [...tsx, 'scripts/generate-spreadsheets.ts', '--persons', String(persons), '--seed', seed, '--out', inbox, '--format', 'csv'], { stdio: 'ignore' });
  const db = join(dir, 'registry.sqlite');
  const line = execFileSync(process.execPath, [...tsx, 'scripts/bench-import-child.ts', inbox, db, join(dir, 'out')], { encoding: 'utf8' });
  const run = JSON.parse(line.trim().split('\n').pop()!) as { seconds: number; records: number; maxRssMiB: number };
  const raw = rawInsertRate(db);
  rmSync(dir, { recursive: true, force: true });
  return { persons, records: run.records, seconds: run.seconds, maxRssMiB: run.maxRssMiB, rawRowsPerSecond: raw };
}

const results = sizes.map(measure);
console.log('persons   records  seconds  records/s  raw insert/s  ratio   peak RSS');
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
