import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GazetteerData } from '../normalize/address/gazetteer-data.js';
import { BUNDLED_GAZETTEER } from './active-gazetteer.js';
import { PreparePool } from './prepare-pool.js';

const gazetteer = JSON.parse(readFileSync(BUNDLED_GAZETTEER, 'utf8')) as GazetteerData;
const file = { path: '/in/a.csv', name: 'a.csv', kind: 'csv' as const, sizeBytes: 10 };
const csv = Buffer.from('Họ và tên,Năm sinh\nLò Văn Pánh,1968\n');

describe('PreparePool', () => {
  it('prepares files in a worker thread', async () => {
    const pool = new PreparePool(gazetteer, '11', { size: 1 });
    try {
      const prepared = await pool.prepare(file, csv, 'nightly', new Date('2026-11-27'));
      expect(prepared.records.map((r) => r.normalized.values?.full_name)).toEqual(['Lò Văn Pánh']);
    } finally {
      await pool.close();
    }
  });

  it('fails the files, without hanging, when its workers die (here: a heap too small to start)', async () => {
    const pool = new PreparePool(gazetteer, '11', { size: 1, maxHeapMb: 4 });
    try {
      await expect(pool.prepare(file, csv, 'nightly', new Date('2026-11-27'))).rejects.toThrow();
      // Once the respawns are spent, the pool says so at once.
      for (let i = 0; i < 5; i++) await pool.prepare(file, csv, 'nightly', new Date()).catch(() => undefined);
      await expect(pool.prepare(file, csv, 'nightly', new Date())).rejects.toThrow(/dừng|keep failing|exited|memory/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
