/**
 * The bench's setup, built once: the registry SQLite file after importing the generated registry, kept under
 * `data/cache/` (git-ignored) and copied for each run, so a 1M scale run measures the batch, not an hour of setup.
 *
 * The key names what the file depends on: registry size, seed, and a hash of the generator's sources (a changed
 * generator writes other people). The import code is not in the key: a cached registry is what an older import
 * wrote, which is what a real registry is too. Schema migrations newer than the file are applied to the copy before
 * the batch is timed (opening the registry migrates it), so an index added later never counts as batch time.
 *
 * @example
 * const cached = cachedRegistryPath('data/cache/match-bench', { registry: 1_000_000, seed: 7 });
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openRegistry } from '../../src/db/open-registry.js';
import type { TimedImport } from './timed-import.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Hash of the generator's sources (not its tests): a cache built by another generator is another registry. */
function generatorHash(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(HERE).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    if (f === 'registry-cache.ts' || f === 'format-report.ts' || f === 'evaluate-batch.ts' || f === 'explain-misses.ts') continue;
    hash.update(f).update(readFileSync(join(HERE, f)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The cache file for a registry size and seed (it may not exist yet). */
export function cachedRegistryPath(dir: string, o: { registry: number; seed: number; pipeline: string }): string {
  return join(dir, `registry-${o.registry}-seed${o.seed}-${o.pipeline}-${generatorHash()}.sqlite`);
}

/** What the setup import reported when the cache was built, printed again on reuse. */
export type SetupSummary = Pick<TimedImport, 'seconds' | 'exitCode' | 'report'>;

/**
 * Copies a cached registry to `db` and brings its schema up to date; null when there is no cache yet.
 *
 * @example
 * const setup = await restoreRegistry(cached, join(work, 'registry.sqlite')); // null → import and saveRegistry
 */
export async function restoreRegistry(cached: string, db: string): Promise<SetupSummary | null> {
  if (!existsSync(cached) || !existsSync(`${cached}.json`)) return null;
  copyFileSync(cached, db);
  await migrateCopy(db);
  return JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as SetupSummary;
}

/**
 * Saves the freshly imported registry `db` as the cache (checkpointed into one file, written atomically).
 *
 * @example
 * await saveRegistry(join(work, 'registry.sqlite'), cached, setup);
 */
export async function saveRegistry(db: string, cached: string, setup: SetupSummary): Promise<void> {
  await migrateCopy(db);
  mkdirSync(dirname(cached), { recursive: true });
  const partial = `${cached}.partial`;
  copyFileSync(db, partial);
  renameSync(partial, cached);
  writeFileSync(`${cached}.json`, JSON.stringify({ seconds: setup.seconds, exitCode: setup.exitCode, report: setup.report }));
}

/** Opens (migrating) and closes the file with its WAL folded in, so the file alone is the registry. */
async function migrateCopy(db: string): Promise<void> {
  const registry = await openRegistry(db);
  try {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(registry.db);
  } finally {
    await registry.close();
  }
}
