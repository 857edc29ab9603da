import { sql, type Kysely } from 'kysely';
import { PERSON_VALUE_COLUMNS, personValuesFromRow } from './person-row.js';
import type { PersonValues } from '../normalize/person-values.js';
import type { RegistrySchema } from './schema.js';

const CHUNK = 2_000;
/** Rounds of random ids before falling back to sorting the whole table (an id space mostly of merged persons). */
const ID_ROUNDS = 4;

/**
 * A random sample of `size` active registry persons (all of them when there are fewer), for estimating how often
 * different people agree by chance.
 *
 * Ids are drawn at random up to the largest id and the active ones kept: the registry's ids are dense (merged persons
 * stay as rows), so a few rounds fill the sample by primary key. Sorting the whole table by random() instead read a
 * 1M registry end to end (≈ 7 s) on every run; it remains the fallback when the ids are too sparse.
 *
 * @example
 * const sample = await samplePersons(db, 5000);
 */
export async function samplePersons(db: Kysely<RegistrySchema>, size: number, random: () => number = Math.random): Promise<PersonValues[]> {
  const top = await db.selectFrom('persons').select((eb) => eb.fn.max<number>('id').as('max')).executeTakeFirst();
  const maxId = Number(top?.max ?? 0);
  const tried = new Set<number>();
  const sample: PersonValues[] = [];
  for (let round = 0; round < ID_ROUNDS && sample.length < size && tried.size < maxId; round++) {
    const ids: number[] = [];
    // Half as many again as missing: some ids are merged or pending persons.
    const want = Math.min(Math.ceil((size - sample.length) * 1.5), maxId - tried.size);
    for (let guard = 0; ids.length < want && guard < want * 20; guard++) {
      const id = 1 + Math.floor(random() * maxId);
      if (tried.has(id)) continue;
      tried.add(id);
      ids.push(id);
    }
    for (let start = 0; start < ids.length && sample.length < size; start += CHUNK) {
      const rows = await personRows(db).where('persons.id', 'in', ids.slice(start, start + CHUNK)).execute();
      for (const row of rows.slice(0, size - sample.length)) sample.push(personValuesFromRow(row, row.book_no));
    }
  }
  if (sample.length >= size) return sample;
  // Too few found by id: every active person may be needed, drawn the slow way.
  const rows = await personRows(db).orderBy(sql`random()`).limit(size).execute();
  return rows.map((row) => personValuesFromRow(row, row.book_no));
}

function personRows(db: Kysely<RegistrySchema>) {
  return db
    .selectFrom('persons')
    .leftJoin('households', 'households.id', 'persons.household_id')
    .select([...PERSON_VALUE_COLUMNS.map((c) => `persons.${c}` as const), 'households.book_no'])
    .where('persons.status', '=', 'active');
}
