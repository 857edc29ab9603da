import type { Kysely, Transaction } from 'kysely';
import type { RegistrySchema } from './schema.js';

// SQLite allows 32766 bound parameters per statement; stay well below.
const MAX_PARAMS = 30_000;

/**
 * Multi-row INSERT in chunks sized to the parameter limit: one compiled statement per chunk, not per row.
 *
 * @example
 * await insertChunked(trx, 'memberships', rows);
 */
export async function insertChunked<T extends keyof RegistrySchema>(
  db: Kysely<RegistrySchema> | Transaction<RegistrySchema>,
  table: T,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).length;
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await db.insertInto(table).values(chunk as never).execute();
  }
}
