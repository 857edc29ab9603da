import type { Kysely, Transaction } from 'kysely';
import type { RegistrySchema } from './schema.js';

/** Active registry persons holding any of these personal IDs, by ID. */
export async function findPersonIdsByPersonalId(db: Kysely<RegistrySchema> | Transaction<RegistrySchema>, ids: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let start = 0; start < ids.length; start += 5000) {
    const rows = await db
      .selectFrom('persons')
      .select(['id', 'personal_id'])
      .where('personal_id', 'in', ids.slice(start, start + 5000))
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    for (const row of rows) if (row.personal_id && !found.has(row.personal_id)) found.set(row.personal_id, row.id);
  }
  return found;
}
