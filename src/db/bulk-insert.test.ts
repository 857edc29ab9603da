import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry } from './open-registry.js';

const RUN = { id: 'r1', started_at: '2026-11-27T00:00:00Z', finished_at: null, status: 'running' as const, pipeline: 'nightly',
  records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 0, out_dir: '/tmp', error: null, gazetteer_version: null, match_model_json: null };

describe('registry bulkInsert (SQLite)', () => {
  it('writes inside the open kysely transaction: committed with it, rolled back with it', async () => {
    const registry = await openRegistry(join(mkdtempSync(join(tmpdir(), 'hokhau-bulk-')), 'r.sqlite'));
    try {
      await registry.db.transaction().execute(async (trx) => {
        await registry.bulkInsert(trx, 'import_runs', [RUN, { ...RUN, id: 'r2' }]);
      });
      await expect(
        registry.db.transaction().execute(async (trx) => {
          await registry.bulkInsert(trx, 'import_runs', [{ ...RUN, id: 'r3' }]);
          throw new Error('crash mid-batch');
        }),
      ).rejects.toThrow('crash mid-batch');
      const ids = (await registry.db.selectFrom('import_runs').select('id').orderBy('id').execute()).map((r) => r.id);
      expect(ids).toEqual(['r1', 'r2']);
    } finally {
      await registry.close();
    }
  });
});
