import type { Kysely } from 'kysely';

/**
 * The given-name candidates (same given name and birth year, then same full date or same family name) are filtered on
 * the index alone: it carries status, folded name and birth date, so the persons of a common given name and year
 * (Hùng 1975: dozens in a 250k registry, most of another family) are no longer read row by row from the table, which
 * was the largest part of a batch's candidate search. It replaces the (given_fold, birth_year) index, its prefix.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('persons_given_year_cover')
    .ifNotExists()
    .on('persons')
    .columns(['given_fold', 'birth_year', 'status', 'name_fold', 'birth_date'])
    .execute();
  await db.schema.dropIndex('persons_given_year').ifExists().execute();
}
