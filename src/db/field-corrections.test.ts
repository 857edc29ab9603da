import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonValues } from '../normalize/person-values.js';
import { applyFieldCorrections, findFieldRecordStates, type CorrectedRecordWrite } from './field-corrections.js';
import { openRegistry, type Registry } from './open-registry.js';
import type { PersonTable } from './schema.js';

const NO_CODES = {
  legacy_province_code: null, legacy_district_code: null, legacy_commune_code: null, province_code: null, commune_code: null,
  address_status: null, address_confidence: null, gazetteer_version: null,
};

const UNG: PersonValues = {
  full_name: 'Quàng Thị Ưng', family_name: 'Quàng', middle_name: 'Thị', given_name: 'Ưng', name_key: 'quàng thị ưng', other_name: null,
  birth_date: '1970-01-05', sex: 'F', ethnicity: 'Thái', ethnicity_code: '03', ethnicity_code_list: 'QD121-1979', religion: null,
  nationality: 'Việt Nam', personal_id: '011175004321', old_id: null, birthplace: null, native_place: null, occupation: 'Làm ruộng',
  household_book_no: '123456', relation_to_head: 'Vợ', address_text: null, hamlet: null,
};
const MISMATCH = { field: 'personal_id', code: 'personal_id_birth_year_mismatch', severity: 'review' as const, message: 'Số định danh 011175004321 ứng với năm sinh 1975 nhưng năm sinh ghi 1970' };
const PAO: PersonValues = { ...UNG, full_name: 'Giàng A Pao', family_name: 'Giàng', middle_name: 'A', given_name: 'Pao', name_key: 'giàng a pao', sex: 'M', ethnicity: 'Mông', personal_id: null, relation_to_head: 'Con' };
const LOW_SEX = { field: 'sex', code: 'low_confidence', severity: 'review' as const, message: "Độ tin cậy nhận dạng thấp (62%): 'Nan'" };

function person(id: number, values: PersonValues, status: PersonTable['status']): PersonTable {
  const { household_book_no: _book, ...rest } = values;
  return {
    id, status, ...rest, name_fold: null, given_fold: null, birth_year: null, merged_into_id: null, household_id: 1,
    created_run_id: 'r1', updated_run_id: 'r1', ...NO_CODES,
  };
}

/** Registry: 1 Quàng Thị Ưng (pending, ID disagrees with birth year), 2 Giàng A Pao (pending, sex read badly, open pair 50 with 3), 3 active. */
async function seed(): Promise<Registry> {
  const registry = await openRegistry(join(mkdtempSync(join(tmpdir(), 'hokhau-fields-')), 'registry.sqlite'));
  const db = registry.db;
  await db.insertInto('import_runs').values({ id: 'r1', started_at: '2025-06-01T02:00:00Z', finished_at: null, status: 'succeeded', pipeline: 'nightly',
    records_in: 3, new_count: 1, merged_count: 0, flagged_count: 2, rejected_count: 0, files_count: 1, out_dir: '/tmp', error: null,
    gazetteer_version: null, match_model_json: null }).execute();
  await db.insertInto('source_files').values({ run_id: 'r1', sha256: 'f1', name: 'ban-na-ngam.pdf', path: 'ban-na-ngam.pdf', kind: 'pdf', size_bytes: 10,
    status: 'loaded', error: null, records_in: 3, new_count: 1, merged_count: 0, flagged_count: 2, rejected_count: 0 }).execute();
  await db.insertInto('households').values({ id: 1, book_no: '123456', source_key: null, head_person_id: null, address_text: null, hamlet: null, created_run_id: 'r1', ...NO_CODES }).execute();
  await db.insertInto('persons').values([person(1, UNG, 'pending_review'), person(2, PAO, 'pending_review'), person(3, { ...PAO, full_name: 'Giàng A Páo' }, 'active')]).execute();
  await db.insertInto('memberships').values([1, 2, 3].map((p) => ({ household_id: 1, person_id: p, relation_to_head: p === 1 ? 'Vợ' : 'Con', run_id: 'r1' }))).execute();
  const source = (id: number, personId: number, raw: object, values: PersonValues, issues: object[]) => ({
    id, run_id: 'r1', file_id: 1, file_name: 'ban-na-ngam.pdf', sheet: null, row_no: null, page: id, raw_json: JSON.stringify(raw),
    normalized_json: JSON.stringify(values), issues_json: JSON.stringify(issues), outcome: 'flagged' as const, person_id: personId,
  });
  await db.insertInto('source_records').values([
    source(11, 1, { full_name: 'Quàng Thị Ưng', birth_date: '05/01/1970', personal_id: '011175004321', relation_to_head: 'Vợ' }, UNG, [MISMATCH]),
    source(12, 2, { full_name: 'Giàng A Pao', sex: 'Nan' }, PAO, [LOW_SEX]),
  ]).execute();
  await db.insertInto('match_reviews').values({ id: 50, run_id: 'r1', person_id: 2, candidate_person_id: 3, probability: 0.8, weight: 4,
    explanation_vi: 'tên giống khi bỏ dấu +6.0', explanation_en: 'name folded +6.0', status: 'open', decided_by: null, decided_at: null }).execute();
  return registry;
}

const audit = (applied: number) => ({ file_name: 'review-fields.csv', file_sha256: 'abc', rows_applied: applied, rows_unchanged: 0, rows_invalid: 0 });

describe('field corrections in the registry', () => {
  let registry: Registry;
  beforeEach(async () => { registry = await seed(); });
  afterEach(async () => { await registry.close(); });

  it('reads a record with its person, run and earlier corrections; unknown ids are absent', async () => {
    const states = await findFieldRecordStates(registry.db, [11, 404]);
    expect([...states.keys()]).toEqual([11]);
    expect(states.get(11)).toMatchObject({ personId: 1, personStatus: 'pending_review', runStartedAt: '2025-06-01T02:00:00Z', pipeline: 'nightly',
      raw: { personal_id: '011175004321' }, issues: [MISMATCH], corrections: {}, page: 11 });
  });

  it('records the correction, rewrites the record, updates the person with its keys and activates it', async () => {
    const corrected: CorrectedRecordWrite = {
      sourceRecordId: 11,
      raw: { full_name: 'Quàng Thị Ưng', birth_date: '05/01/1975', personal_id: '011175004321', relation_to_head: 'Mẹ' },
      values: { ...UNG, birth_date: '1975-01-05', relation_to_head: 'Mẹ' },
      issues: [],
      changes: [
        { field: 'birth_date', valueBefore: '05/01/1970', valueAfter: '05/01/1975', rawBefore: { birth_date: '05/01/1970' } },
        { field: 'relation_to_head', valueBefore: 'Vợ', valueAfter: 'Mẹ', rawBefore: { relation_to_head: 'Vợ' } },
      ],
    };
    const result = await applyFieldCorrections(registry.db, { records: [corrected], personIds: [1], reviewer: 'Lò Thị Mai', decidedAt: '2025-06-03T08:00:00Z', audit: audit(2) });
    expect(result).toEqual({ activated: 1, pending: [] });
    const p = await registry.db.selectFrom('persons').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ status: 'active', birth_date: '1975-01-05', birth_year: '1975', name_fold: 'quang thi ung', given_fold: 'ung', relation_to_head: 'Mẹ', occupation: 'Làm ruộng' });
    const m = await registry.db.selectFrom('memberships').select('relation_to_head').where('person_id', '=', 1).executeTakeFirstOrThrow();
    expect(m.relation_to_head).toBe('Mẹ');
    const s = await registry.db.selectFrom('source_records').selectAll().where('id', '=', 11).executeTakeFirstOrThrow();
    expect(JSON.parse(s.raw_json).birth_date).toBe('05/01/1975');
    expect(JSON.parse(s.issues_json)).toEqual([]);
    const rows = await registry.db.selectFrom('field_corrections').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.source_record_id, r.field, r.value_before, r.value_after, r.reviewer, r.file_sha256, JSON.parse(r.raw_before_json)])).toEqual([
      [11, 'birth_date', '05/01/1970', '05/01/1975', 'Lò Thị Mai', 'abc', { birth_date: '05/01/1970' }],
      [11, 'relation_to_head', 'Vợ', 'Mẹ', 'Lò Thị Mai', 'abc', { relation_to_head: 'Vợ' }],
    ]);
    expect(await registry.db.selectFrom('review_audit').selectAll().execute()).toMatchObject([{ kind: 'fields', reviewer: 'Lò Thị Mai', rows_applied: 2 }]);
    expect((await findFieldRecordStates(registry.db, [11])).get(11)?.corrections).toMatchObject({ birth_date: { value: '05/01/1975', reviewer: 'Lò Thị Mai' } });
  });

  it('keeps a person pending while a field or a duplicate pair is open, and says which', async () => {
    const sexFixed: CorrectedRecordWrite = { sourceRecordId: 12, raw: { full_name: 'Giàng A Pao', sex: 'Nam' }, values: PAO, issues: [],
      changes: [{ field: 'sex', valueBefore: 'Nan', valueAfter: 'Nam', rawBefore: { sex: 'Nan' } }] };
    const result = await applyFieldCorrections(registry.db, { records: [sexFixed], personIds: [1, 2, 3], reviewer: 'Lò Thị Mai', decidedAt: '2025-06-03T08:00:00Z', audit: audit(1) });
    expect(result).toEqual({ activated: 0, pending: [
      { personId: 1, fullName: 'Quàng Thị Ưng', reviewFields: ['personal_id'], openPairs: [] },
      { personId: 2, fullName: 'Giàng A Pao', reviewFields: [], openPairs: [50] },
    ] });
    const statuses = await registry.db.selectFrom('persons').select(['id', 'status']).orderBy('id').execute();
    expect(statuses.map((s) => s.status)).toEqual(['pending_review', 'pending_review', 'active']);
  });

  it('writes re-coded address codes, and leaves a person that is no longer pending alone', async () => {
    const coded = { ...NO_CODES, province_code: '11', commune_code: '03325', address_status: 'coded', address_confidence: 1, gazetteer_version: 'g1' };
    await registry.db.updateTable('persons').set({ status: 'active' }).where('id', '=', 2).execute();
    const write = (sourceRecordId: number, values: PersonValues): CorrectedRecordWrite => ({ sourceRecordId, raw: {}, values: { ...values, address_text: 'Bản Na Ngám, xã Mường Phăng' },
      issues: [], address: coded, changes: [{ field: 'address', valueBefore: 'Na Ngam', valueAfter: 'Bản Na Ngám, xã Mường Phăng', rawBefore: { address: 'Na Ngam' } }] });
    await applyFieldCorrections(registry.db, { records: [write(11, UNG), write(12, PAO)], personIds: [1, 2], reviewer: 'Lò Thị Mai', decidedAt: '2025-06-03T08:00:00Z', audit: audit(2) });
    const persons = await registry.db.selectFrom('persons').select(['id', 'address_text', 'commune_code', 'address_status']).where('id', 'in', [1, 2]).orderBy('id').execute();
    expect(persons).toEqual([
      { id: 1, address_text: 'Bản Na Ngám, xã Mường Phăng', commune_code: '03325', address_status: 'coded' },
      { id: 2, address_text: null, commune_code: null, address_status: null },
    ]);
  });
});
