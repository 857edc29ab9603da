import type { Kysely } from 'kysely';

/** Households, persons, memberships, provenance (files, records), runs and quarantine. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pipeline', 'text', (c) => c.notNull())
    .addColumn('records_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flagged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('out_dir', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();

  await db.schema
    .createTable('source_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'text', (c) => c.notNull().references('import_runs.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('records_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flagged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('source_files_sha256').on('source_files').columns(['sha256', 'status']).execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('book_no', 'text')
    .addColumn('source_key', 'text')
    .addColumn('head_person_id', 'integer')
    .addColumn('address_text', 'text')
    .addColumn('hamlet', 'text')
    .addColumn('created_run_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_book_no').on('households').column('book_no').execute();
  await db.schema.createIndex('households_source_key').on('households').column('source_key').execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text')
    .addColumn('middle_name', 'text')
    .addColumn('given_name', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('other_name', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('sex', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('ethnicity_code', 'text')
    .addColumn('ethnicity_code_list', 'text')
    .addColumn('religion', 'text')
    .addColumn('nationality', 'text')
    .addColumn('personal_id', 'text')
    .addColumn('old_id', 'text')
    .addColumn('birthplace', 'text')
    .addColumn('native_place', 'text')
    .addColumn('occupation', 'text')
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('relation_to_head', 'text')
    .addColumn('address_text', 'text')
    .addColumn('hamlet', 'text')
    .addColumn('created_run_id', 'text', (c) => c.notNull())
    .addColumn('updated_run_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_personal_id').on('persons').column('personal_id').execute();
  await db.schema.createIndex('persons_name_key').on('persons').columns(['name_key', 'birth_date']).execute();

  await db.schema
    .createTable('memberships')
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('relation_to_head', 'text')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['household_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('source_records')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('source_files.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sheet', 'text')
    .addColumn('row_no', 'integer')
    .addColumn('page', 'integer')
    .addColumn('raw_json', 'text', (c) => c.notNull())
    .addColumn('normalized_json', 'text')
    .addColumn('issues_json', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .execute();
  await db.schema.createIndex('source_records_person').on('source_records').column('person_id').execute();

  await db.schema
    .createTable('quarantine')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('source_record_id', 'integer', (c) => c.notNull().references('source_records.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sheet', 'text')
    .addColumn('row_no', 'integer')
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('raw_json', 'text', (c) => c.notNull())
    .execute();
}
