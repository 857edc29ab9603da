import type { Kysely } from 'kysely';

/**
 * Registry candidates by folded name are fetched with the birth year (the name blocking rule pairs only records of
 * the same year): one index on both replaces the name-only one, whose common names (Nguyễn Văn Hùng) brought in
 * hundreds of namesakes of every age per record, and their households, for nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('persons_name_year').ifNotExists().on('persons').columns(['name_fold', 'birth_year']).execute();
  await db.schema.dropIndex('persons_name_fold').ifExists().execute();
}
