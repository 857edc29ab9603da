import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../db/open-registry.js';
import { startRun } from '../db/run-ledger.js';
import { UnreadableFileError } from '../ingest/extract-spreadsheet.js';
import { BatchLoader, type RunState } from './batch-loader.js';
import { runMatcher } from './run-matcher.js';
import { nightly } from '../../pipelines/nightly.js';

const identity = (name: string) => ({ sha256: name, name, path: `/in/${name}`, kind: 'csv', sizeBytes: 1 });

describe('BatchLoader', () => {
  it('reports a file whose reading failed, foreseen or not, and goes on', async () => {
    const registry = await openRegistry(join(mkdtempSync(join(tmpdir(), 'hokhau-loader-')), 'r.sqlite'));
    try {
      await startRun(registry.db, { id: 'r1', pipeline: 'nightly', outDir: '/tmp', startedAt: '2026-11-27T00:00:00Z', gazetteerVersion: null });
      const state: RunState = { files: [], issues: {}, rejected: [], flagged: [] };
      const loader = new BatchLoader(registry, 'r1', { dryRun: false, pipeline: 'nightly', matcher: await runMatcher(registry, nightly) }, state);
      const failing = (err: Error) => {
        const prepared = Promise.reject(err);
        prepared.catch(() => undefined);
        return prepared;
      };
      await loader.add({ kind: 'preparing', identity: identity('a.csv'), prepared: failing(new UnreadableFileError('Tệp rỗng')) });
      await loader.add({ kind: 'preparing', identity: identity('b.csv'), prepared: failing(new TypeError("Cannot read properties of undefined (reading 'x')\n at …")) });
      await loader.add({ kind: 'skipped', identity: identity('c.csv') });
      await loader.flush();
      expect(state.files.map((f) => [f.name, f.status])).toEqual([['a.csv', 'failed'], ['b.csv', 'failed'], ['c.csv', 'skipped_unchanged']]);
      expect(state.files[0].error).toBe('Tệp rỗng');
      expect(state.files[1].error).toMatch(/^Lỗi khi đọc tệp.*reading 'x'\)$/);
      const ledger = await registry.db.selectFrom('source_files').select(['name', 'status']).orderBy('id').execute();
      expect(ledger).toEqual([{ name: 'a.csv', status: 'failed' }, { name: 'b.csv', status: 'failed' }, { name: 'c.csv', status: 'skipped_unchanged' }]);
    } finally {
      await registry.close();
    }
  });
});
