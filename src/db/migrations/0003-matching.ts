import type { Kysely } from 'kysely';

/**
 * Probabilistic matching: blocking keys on persons (so candidates come from indexes, never all pairs), pairs sent to
 * reviewers, their decisions (remembered so a pair is never asked twice) and the audit of every review file applied.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('name_fold', 'text').execute();
  await db.schema.alterTable('persons').addColumn('given_fold', 'text').execute();
  await db.schema.alterTable('persons').addColumn('birth_year', 'text').execute();
  await db.schema.alterTable('persons').addColumn('merged_into_id', 'integer').execute();
  // Candidates are searched by the folded keys below; the tone-key index served nothing and cost every insert.
  await db.schema.dropIndex('persons_name_key').execute();
  await db.schema.createIndex('persons_name_fold').on('persons').column('name_fold').execute();
  await db.schema.createIndex('persons_given_year').on('persons').columns(['given_fold', 'birth_year']).execute();
  await db.schema.createIndex('persons_old_id').on('persons').column('old_id').execute();
  await db.schema.alterTable('import_runs').addColumn('match_model_json', 'text').execute();

  await db.schema
    .createTable('match_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('candidate_person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('probability', 'real', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('explanation_vi', 'text', (c) => c.notNull())
    .addColumn('explanation_en', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('match_reviews_person').on('match_reviews').column('person_id').execute();

  await db.schema
    .createTable('match_decisions')
    .addColumn('person_a', 'integer', (c) => c.notNull())
    .addColumn('person_b', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('review_id', 'integer')
    .addPrimaryKeyConstraint('match_decisions_pk', ['person_a', 'person_b'])
    .execute();

  await db.schema
    .createTable('review_audit')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('rows_applied', 'integer', (c) => c.notNull())
    .addColumn('rows_unchanged', 'integer', (c) => c.notNull())
    .addColumn('rows_invalid', 'integer', (c) => c.notNull())
    .execute();
}
