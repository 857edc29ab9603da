/**
 * A small registry with pairs waiting for reviewers, written straight through kysely (the import pipeline does not
 * write match_reviews yet). Shared by the review tests (db, pipeline, e2e).
 *
 * Registry (run r1): 1 Lò Văn Pánh (chủ hộ, sổ 123456), 2 Quàng Thị Ưng (vợ), 3 Giàng A Páo (sổ 123457),
 * 8 Lò Thị Hoà, 9 Lò Thị Hòa. Incoming (run r2, pending): 4 "Lò Văn Pánh" again (year only, CMND, also head of
 * sổ 300001), 5 Quàng Thị Ưng in another book, 6 Giàng A Pao, 7 Lò Thị Hoa (two candidates: 8 and 9).
 * Reviews 101 (4↔1), 102 (5↔2), 103 (6↔3), 104 (7↔8), 105 (7↔9).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegistry, type Registry } from './open-registry.js';
import type { PersonTable, RegistrySchema } from './schema.js';

const NO_CODES = {
  legacy_province_code: null, legacy_district_code: null, legacy_commune_code: null, province_code: null, commune_code: null,
  address_status: null, address_confidence: null, gazetteer_version: null,
};
const NA_NGAM = {
  ...NO_CODES, legacy_province_code: '11', legacy_district_code: '094', legacy_commune_code: '03124', province_code: '11',
  commune_code: '03124', address_status: 'coded', address_confidence: 0.97, gazetteer_version: 'gso-2025-07',
};

type PersonSeed = Partial<PersonTable> & Pick<PersonTable, 'id' | 'full_name' | 'status'>;

function person(seed: PersonSeed): PersonTable {
  return {
    family_name: null, middle_name: null, given_name: null, name_key: seed.full_name.toLowerCase(), other_name: null,
    birth_date: null, sex: null, ethnicity: null, ethnicity_code: null, ethnicity_code_list: null, religion: null,
    nationality: null, personal_id: null, old_id: null, birthplace: null, native_place: null, occupation: null,
    relation_to_head: null, address_text: null, hamlet: null, name_fold: null, given_fold: null, birth_year: null,
    merged_into_id: null, household_id: null, created_run_id: 'r1', updated_run_id: 'r1', ...NO_CODES, ...seed,
  };
}

export const REVIEW_RUN = 'r2';

/** Creates the registry in a fresh temporary folder; the caller closes it. */
export async function seedReviewRegistry(): Promise<{ registry: Registry; dir: string; dbFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hokhau-review-'));
  const dbFile = join(dir, 'registry.sqlite');
  const registry = await openRegistry(dbFile);
  const db = registry.db;
  const run = (id: string) => ({ id, started_at: '2025-06-01T02:00:00Z', finished_at: null, status: 'succeeded' as const, pipeline: 'nightly',
    records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 1, out_dir: dir, error: null,
    gazetteer_version: null, match_model_json: null });
  await db.insertInto('import_runs').values([run('r1'), run('r2')]).execute();
  const file = (id: number, runId: string, name: string) => ({ id, run_id: runId, sha256: `sha-${id}`, name, path: name, kind: 'csv',
    size_bytes: 100, status: 'loaded' as const, error: null, records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0 });
  await db.insertInto('source_files').values([file(1, 'r1', 'ban-na-ngam-2019.csv'), file(2, 'r2', 'xa-muong-phang.xlsx')]).execute();
  const household = (id: number, book: string, head: number | null, address: string | null) => ({ id, book_no: book, source_key: null,
    head_person_id: head, address_text: address, hamlet: null, created_run_id: id <= 2 ? 'r1' : 'r2', ...(address ? NA_NGAM : NO_CODES) });
  await db.insertInto('households').values([
    household(1, '123456', 1, 'Bản Na Ngám, xã Mường Phăng'), household(2, '123457', 3, null),
    household(3, '200001', null, null), household(5, '300001', 4, null),
  ]).execute();
  const pánh = { full_name: 'Lò Văn Pánh', family_name: 'Lò', middle_name: 'Văn', given_name: 'Pánh', sex: 'M' as const, ethnicity: 'Thái' };
  await db.insertInto('persons').values([
    person({ id: 1, status: 'active', ...pánh, birth_date: '1968-03-12', personal_id: '011068001234', household_id: 1,
      relation_to_head: 'Chủ hộ', address_text: 'Bản Na Ngám, xã Mường Phăng', ...NA_NGAM }),
    person({ id: 2, status: 'active', full_name: 'Quàng Thị Ưng', birth_date: '1970', sex: 'F', ethnicity: 'Thái', household_id: 1, relation_to_head: 'Vợ' }),
    person({ id: 3, status: 'active', full_name: 'Giàng A Páo', birth_date: '1985-07-02', sex: 'M', ethnicity: 'Mông', household_id: 2, relation_to_head: 'Chủ hộ' }),
    person({ id: 4, status: 'pending_review', ...pánh, birth_date: '1968', old_id: '040123456', occupation: 'Làm ruộng',
      household_id: 1, relation_to_head: 'Chủ hộ', created_run_id: 'r2', updated_run_id: 'r2' }),
    person({ id: 5, status: 'pending_review', full_name: 'Quàng Thị Ưng', birth_date: '1970-05-01', sex: 'F', household_id: 3, relation_to_head: 'Mẹ', created_run_id: 'r2' }),
    person({ id: 6, status: 'pending_review', full_name: 'Giàng A Pao', birth_date: '1985', sex: 'M', created_run_id: 'r2' }),
    person({ id: 7, status: 'pending_review', full_name: 'Lò Thị Hoa', birth_date: '1990', sex: 'F', created_run_id: 'r2' }),
    person({ id: 8, status: 'active', full_name: 'Lò Thị Hoà', birth_date: '1990-01-05', sex: 'F' }),
    person({ id: 9, status: 'active', full_name: 'Lò Thị Hòa', birth_date: '1990-11-20', sex: 'F' }),
  ]).execute();
  await db.insertInto('memberships').values([
    { household_id: 1, person_id: 1, relation_to_head: 'Chủ hộ', run_id: 'r1' },
    { household_id: 1, person_id: 2, relation_to_head: 'Vợ', run_id: 'r1' },
    { household_id: 2, person_id: 3, relation_to_head: 'Chủ hộ', run_id: 'r1' },
    { household_id: 1, person_id: 4, relation_to_head: 'Chủ hộ', run_id: 'r2' },
    { household_id: 5, person_id: 4, relation_to_head: 'Chủ hộ', run_id: 'r2' },
    { household_id: 3, person_id: 5, relation_to_head: 'Mẹ', run_id: 'r2' },
  ]).execute();
  const source = (id: number, personId: number) => ({ id, run_id: personId <= 3 || personId >= 8 ? 'r1' : 'r2', file_id: personId <= 3 || personId >= 8 ? 1 : 2,
    file_name: personId <= 3 || personId >= 8 ? 'ban-na-ngam-2019.csv' : 'xa-muong-phang.xlsx', sheet: personId <= 3 || personId >= 8 ? null : 'Bản Na Ngám',
    row_no: id + 1, page: null, raw_json: '{}', normalized_json: null, issues_json: '[]', outcome: 'new' as const, person_id: personId });
  await db.insertInto('source_records').values([1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => source(10 + p, p))).execute();
  const review = (id: number, personId: number, candidate: number, probability: number, explanation: string) => ({
    id, run_id: REVIEW_RUN, person_id: personId, candidate_person_id: candidate, probability, weight: 3.2,
    explanation_vi: explanation, explanation_en: explanation, status: 'open', decided_by: null, decided_at: null });
  await db.insertInto('match_reviews').values([
    review(101, 4, 1, 0.9312, 'họ tên giống +9.8; năm sinh giống +2.1; cùng sổ hộ khẩu +4.0; số định danh thiếu 0.0'),
    review(102, 5, 2, 0.71, 'họ tên giống +9.1; ngày sinh chỉ có năm +1.2; khác sổ hộ khẩu −1.5'),
    review(103, 6, 3, 0.85, 'tên giống khi bỏ dấu +6.0; năm sinh giống +2.1'),
    review(104, 7, 8, 0.6, '-2.0 ngày sinh khác; họ tên giống khi bỏ dấu +6.5'),
    review(105, 7, 9, 0.6, 'họ tên giống +8.0; năm sinh giống +2.1'),
  ]).execute();
  return { registry, dir, dbFile };
}

/** Everything the review loop may change, for before/after comparisons. */
export async function registrySnapshot(db: Registry['db']): Promise<Record<string, unknown[]>> {
  const tables: (keyof RegistrySchema)[] = ['persons', 'memberships', 'source_records', 'households', 'match_reviews', 'match_decisions'];
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) snapshot[table] = await db.selectFrom(table).selectAll().execute();
  return snapshot;
}

/** Writes decisions into the empty last column of a review-duplicates.csv, by pair id. */
export function fillDecisions(csv: string, decisions: Record<number, string>): string {
  return csv
    .split('\r\n')
    .map((line) => {
      const id = Number(line.split(',')[0]);
      return decisions[id] !== undefined ? line + decisions[id] : line;
    })
    .join('\r\n');
}
