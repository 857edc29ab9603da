import type Database from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { RegistrySchema } from './schema.js';

/**
 * Inserts many rows of one table, inside whatever transaction is open on the registry's connection.
 * The dialect decides how: SQLite reuses one prepared statement per table (the fastest path better-sqlite3
 * has); a server dialect would use multi-row INSERTs.
 *
 * @example
 * await registry.bulkInsert(trx, 'memberships', rows);
 */
export type BulkInsert = (
  db: Kysely<RegistrySchema> | Transaction<RegistrySchema>,
  table: keyof RegistrySchema,
  rows: readonly object[],
) => Promise<void>;

/**
 * SQLite: one prepared statement per (table, columns), run row by row on the same connection kysely's transaction
 * uses, so the rows commit or roll back with it. Column names come from our own row objects, never from input.
 */
export function sqliteBulkInsert(sqlite: Pick<Database.Database, 'prepare'>): BulkInsert {
  const statements = new Map<string, { columns: string[]; statement: Database.Statement }>();
  return async (_db, table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    const key = `${table}(${columns.join(',')})`;
    let prepared = statements.get(key);
    if (!prepared) {
      const sql = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
      prepared = { columns, statement: sqlite.prepare(sql) };
      statements.set(key, prepared);
    }
    const values: unknown[] = new Array(columns.length);
    for (const row of rows as Record<string, unknown>[]) {
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]] ?? null;
      prepared.statement.run(values);
    }
  };
}
