import type { Kysely } from 'kysely';

const CODE_COLUMNS = ['legacy_province_code', 'legacy_district_code', 'legacy_commune_code', 'province_code', 'commune_code'] as const;

/**
 * Addresses coded to administrative units: the pre-2025 codes a book was written under (legacy_*) and the
 * post-2025 codes it belongs to today, on persons and households; which gazetteer coded them; loaded gazetteers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['persons', 'households']) {
    for (const column of CODE_COLUMNS) await db.schema.alterTable(table).addColumn(column, 'text').execute();
    await db.schema.alterTable(table).addColumn('address_status', 'text').execute();
    await db.schema.alterTable(table).addColumn('address_confidence', 'real').execute();
    await db.schema.alterTable(table).addColumn('gazetteer_version', 'text').execute();
  }
  await db.schema.alterTable('import_runs').addColumn('gazetteer_version', 'text').execute();
  await db.schema.createIndex('households_commune').on('households').column('commune_code').execute();
  await db.schema.createIndex('households_legacy_commune').on('households').column('legacy_commune_code').execute();

  await db.schema
    .createTable('gazetteer_versions')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .execute();
}
