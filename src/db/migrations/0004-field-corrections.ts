import type { Kysely } from 'kysely';

/**
 * Reviewers' corrections of doubtful fields (`hokhau review apply review-fields.csv`): one row per corrected field,
 * with what was written or read before, so nothing read from the page is lost when the record is re-normalized.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('field_corrections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_record_id', 'integer', (c) => c.notNull().references('source_records.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value_before', 'text', (c) => c.notNull())
    .addColumn('value_after', 'text', (c) => c.notNull())
    // The raw fields the correction replaced, exactly (a name written in two columns becomes one full_name).
    .addColumn('raw_before_json', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_corrections_record').on('field_corrections').columns(['source_record_id', 'field']).execute();
}
