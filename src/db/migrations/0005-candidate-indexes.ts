import type { Kysely } from 'kysely';

/**
 * Indexes the candidate search (src/db/find-candidates.ts) walks for every file of a batch. Without them each file
 * scanned the whole registry twice — persons joined to households by book number, and memberships by person for
 * household evidence — so a batch cost files × registry size: 100k incoming against 1M persons ran for minutes.
 * `match_decisions(person_b)` lets "decisions naming this person on either side" use an index for both sides.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('persons_household').ifNotExists().on('persons').column('household_id').execute();
  await db.schema.createIndex('memberships_person').ifNotExists().on('memberships').column('person_id').execute();
  await db.schema.createIndex('match_decisions_person_b').ifNotExists().on('match_decisions').column('person_b').execute();
}
