import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial.js';
import * as addressCodes from './migrations/0002-address-codes.js';
import * as matching from './migrations/0003-matching.js';
import * as fieldCorrections from './migrations/0004-field-corrections.js';
import * as candidateIndexes from './migrations/0005-candidate-indexes.js';
import * as nameYearIndex from './migrations/0006-name-year-index.js';
import * as givenYearCover from './migrations/0007-given-year-covering-index.js';
import * as candidateCovers from './migrations/0008-candidate-covering-indexes.js';

/** Migrations shipped in code (no directory scanning: works the same from tsx, a bundle or a test). */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-address-codes': addressCodes,
  '0003-matching': matching,
  '0004-field-corrections': fieldCorrections,
  '0005-candidate-indexes': candidateIndexes,
  '0006-name-year-index': nameYearIndex,
  '0007-given-year-covering-index': givenYearCover,
  '0008-candidate-covering-indexes': candidateCovers,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/**
 * Brings the registry schema up to date; safe to call on every start.
 *
 * @example
 * await migrateToLatest(db);
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String((error as Error).message ?? error)}`);
  }
}
