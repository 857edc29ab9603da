import type { Kysely } from 'kysely';

/**
 * Two small covering indexes for the candidate search against a large registry, whose persons and households are
 * read at random and rarely twice:
 * - (name_fold, birth_year, status) replaces (name_fold, birth_year): the namesakes of a year are filtered on
 *   status without reading each one's table row (the rows actually compared are read once, afterwards);
 * - households (id, book_no): a candidate's book number comes from a 4 MB index per 200k households instead of the
 *   household rows (addresses and codes, ten times larger), which the persons read just before push out of the
 *   page cache. The candidate query names it (INDEXED BY): without statistics SQLite takes the primary key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('persons_name_year_status').ifNotExists().on('persons').columns(['name_fold', 'birth_year', 'status']).execute();
  await db.schema.dropIndex('persons_name_year').ifExists().execute();
  await db.schema.createIndex('households_book_cover').ifNotExists().on('households').columns(['id', 'book_no']).execute();
}
