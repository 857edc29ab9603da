import { sql, type Kysely } from 'kysely';
import { PERSON_VALUE_COLUMNS, personValuesFromRow } from './person-row.js';
import type { PersonValues } from '../normalize/person-values.js';
import type { RegistrySchema } from './schema.js';

/**
 * A random sample of active registry persons (for estimating how often different people agree by chance), and the
 * number of active persons.
 *
 * @example
 * const { total, sample } = await samplePersons(db, 5000);
 */
export async function samplePersons(db: Kysely<RegistrySchema>, size: number): Promise<{ total: number; sample: PersonValues[] }> {
  const { total } = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('persons')
    .leftJoin('households', 'households.id', 'persons.household_id')
    .select([...PERSON_VALUE_COLUMNS.map((c) => `persons.${c}` as const), 'households.book_no'])
    .where('persons.status', '=', 'active')
    .orderBy(sql`random()`)
    .limit(size)
    .execute();
  return { total: Number(total), sample: rows.map((row) => personValuesFromRow(row, row.book_no)) };
}
