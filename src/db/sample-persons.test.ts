import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingKeys } from '../match/blocking-keys.js';
import { person } from '../match/engine/test-person.js';
import { openRegistry } from './open-registry.js';
import { personRowValues } from './person-row.js';
import { samplePersons } from './sample-persons.js';

const NO_CODES = { legacy_province_code: null, legacy_district_code: null, legacy_commune_code: null, province_code: null, commune_code: null,
  address_status: null, address_confidence: null, gazetteer_version: null };
const GIVEN = ['Pánh', 'Ưng', 'Páo', 'Lan', 'Hùng', 'Chứ'];

/** A registry of `n` persons, every third merged into another (not active). */
async function registryOf(n: number) {
  const registry = await openRegistry(join(mkdtempSync(join(tmpdir(), 'hokhau-sample-')), 'r.sqlite'));
  const db = registry.db;
  await db.insertInto('import_runs').values({ id: 'r', started_at: '', finished_at: null, status: 'succeeded', pipeline: 'nightly',
    records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 0, out_dir: '', error: null,
    gazetteer_version: null, match_model_json: null }).execute();
  const persons = Array.from({ length: n }, (_, i) => person({ full_name: `Lò Văn ${GIVEN[i % GIVEN.length]} ${i + 1}`, birth_date: String(1950 + (i % 50)) }));
  if (n > 0) await db.insertInto('persons').values(persons.map((values, i) => ({
    id: i + 1, status: i % 3 === 2 ? ('merged' as const) : ('active' as const), ...personRowValues(values), ...blockingKeys(values),
    merged_into_id: i % 3 === 2 ? 1 : null, household_id: null, ...NO_CODES, created_run_id: 'r', updated_run_id: 'r',
  }))).execute();
  return registry;
}

describe('samplePersons', () => {
  it.each([
    ['a sample of a larger registry: that many distinct active persons', 300, 50, 50],
    ['a registry smaller than the sample: every active person', 30, 50, 20],
    ['an empty registry', 0, 50, 0],
  ])('%s', async (_label, size, wanted, expected) => {
    const registry = await registryOf(size);
    try {
      const sample = await samplePersons(registry.db, wanted);
      expect(sample.length).toBe(expected);
      expect(new Set(sample.map((p) => p.full_name)).size).toBe(expected);
      // Merged persons (every third: 3, 6, 9…) are never drawn.
      expect(sample.every((p) => Number(p.full_name!.split(' ').pop()) % 3 !== 0)).toBe(true);
    } finally {
      await registry.close();
    }
  });
});
