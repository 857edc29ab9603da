import type { Kysely } from 'kysely';
import type { RegistrySchema } from './schema.js';

export interface StoredGazetteer {
  version: string;
  loadedAt: string;
  sourceFile: string;
  sha256: string;
  /** The GazetteerData as JSON. */
  dataJson: string;
}

/**
 * Stores a gazetteer loaded by `hokhau gazetteer load`; loading the same version again replaces it.
 *
 * @example
 * await saveGazetteer(db, { version, loadedAt: new Date().toISOString(), sourceFile: 'dvhc.xlsx', sha256, dataJson });
 */
export async function saveGazetteer(db: Kysely<RegistrySchema>, gazetteer: StoredGazetteer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('gazetteer_versions').where('version', '=', gazetteer.version).execute();
    await trx
      .insertInto('gazetteer_versions')
      .values({ version: gazetteer.version, loaded_at: gazetteer.loadedAt, source_file: gazetteer.sourceFile,
        sha256: gazetteer.sha256, data_json: gazetteer.dataJson })
      .execute();
  });
}

/** The most recently loaded gazetteer, or null when none was ever loaded (the bundled one is used then). */
export async function latestGazetteer(db: Kysely<RegistrySchema>): Promise<StoredGazetteer | null> {
  const row = await db.selectFrom('gazetteer_versions').selectAll().orderBy('loaded_at', 'desc').limit(1).executeTakeFirst();
  return row
    ? { version: row.version, loadedAt: row.loaded_at, sourceFile: row.source_file, sha256: row.sha256, dataJson: row.data_json }
    : null;
}
