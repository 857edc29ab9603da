import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { RegistryError, UsageError } from '../errors.js';
import { sqliteBulkInsert, type BulkInsert } from './bulk-insert.js';
import { migrateToLatest } from './migrate.js';
import { sqliteReadRows, type ReadRows } from './read-rows.js';
import { withStatementCache } from './statement-cache.js';
import type { RegistrySchema } from './schema.js';

export interface Registry {
  db: Kysely<RegistrySchema>;
  /** Where it lives, for messages (never contains a password). */
  location: string;
  /** The dialect's fastest way to insert many rows inside an open transaction. */
  bulkInsert: BulkInsert;
  /** The dialect's cheapest way to read many rows (as arrays) inside an open transaction. */
  readRows: ReadRows;
  close(): Promise<void>;
}

/**
 * Opens (creating and migrating if needed) the registry named by `--db`: a file path means SQLite.
 * This is the one place a dialect is chosen.
 *
 * @example
 * const registry = await openRegistry('data/registry.sqlite');
 * try { … } finally { await registry.close(); }
 */
/** Page cache of a registry connection, in KiB (64 MiB). */
const PAGE_CACHE_KIB = 65_536;

export async function openRegistry(dbUrl: string): Promise<Registry> {
  if (/^postgres(ql)?:\/\//i.test(dbUrl)) {
    throw new UsageError(
      'PostgreSQL chưa được hỗ trợ trong phiên bản này; hãy dùng tệp SQLite (PostgreSQL is not supported yet; use a SQLite file path)',
    );
  }
  const file = resolve(dbUrl);
  let sqlite: Database.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    sqlite = new Database(file);
  } catch (err) {
    throw new RegistryError(`Không mở được cơ sở dữ liệu ${file}: ${(err as Error).message}`);
  }
  // WAL: readers (export, runs) never block the nightly writer; NORMAL sync is durable across app crashes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // SQLite's default page cache is 2 MB: matching a batch against a large registry looks persons up by their indexes
  // at random, and re-read the upper levels of those B-trees from the file for every lookup.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const db = new Kysely<RegistrySchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrateToLatest(db);
  return { db, location: file, bulkInsert: sqliteBulkInsert(sqlite), readRows: sqliteReadRows(sqlite), close: () => db.destroy() };
}
