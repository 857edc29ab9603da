import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingKeys } from '../match/blocking-keys.js';
import { person } from '../match/engine/test-person.js';
import { findCandidates, findHouseholdMembers } from './find-candidates.js';
import { openRegistry } from './open-registry.js';
import { personRowValues } from './person-row.js';

const registered = [
  person({ full_name: 'Lò Văn Pánh', given_name: 'Pánh', birth_date: '1968-03-12', personal_id: '011068001234' }),
  person({ full_name: 'Quàng Thị Ưng', given_name: 'Ưng', birth_date: '1972', old_id: '040123456' }),
  person({ full_name: 'Giàng A Páo', given_name: 'Páo', birth_date: '1980-02-03' }),
];

describe('findCandidates', () => {
  it('finds registry persons by each blocking key, for thousands of distinct keys at once', async () => {
    const registry = await openRegistry(join(mkdtempSync(join(tmpdir(), 'hokhau-cand-')), 'r.sqlite'));
    try {
      await registry.db.insertInto('import_runs').values({ id: 'r', started_at: '', finished_at: null, status: 'succeeded', pipeline: 'nightly',
        records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 0, out_dir: '', error: null,
        gazetteer_version: null, match_model_json: null }).execute();
      await registry.db.insertInto('persons').values(registered.map((values, i) => ({
        id: i + 1, status: 'active' as const, ...personRowValues(values), ...blockingKeys(values), merged_into_id: null, household_id: null,
        legacy_province_code: null, legacy_district_code: null, legacy_commune_code: null, province_code: null, commune_code: null,
        address_status: null, address_confidence: null, gazetteer_version: null, created_run_id: 'r', updated_run_id: 'r',
      }))).execute();
      const noise = Array.from({ length: 3000 }, (_, i) => person({ full_name: `Vừ A Người${i}`, birth_date: `${1900 + (i % 120)}-01-01` }));
      const incoming = [
        person({ full_name: 'Nguyễn Văn Khác', personal_id: '011068001234' }), // by personal ID
        person({ full_name: 'Quang Thi Ung', old_id: '040123456' }), // by old ID (and folded name)
        person({ full_name: 'Giang A Pao', birth_date: '1980' }), // by folded name + year
        ...noise,
      ].map((values) => ({ values, keys: blockingKeys(values) }));
      const found = await findCandidates(registry, incoming);
      expect(found.map((c) => c.personId)).toEqual([1, 2, 3]);
      expect(found[0].values.full_name).toBe('Lò Văn Pánh');
      const byIdOnly = await findCandidates(registry, incoming, ['personal_id']);
      expect(byIdOnly.map((c) => c.personId)).toEqual([1]);

      // Only what a blocking rule can pair: the same given name and year needs the same full date (day and month
      // either way round) or a family name of the same class; the same name needs the same year.
      const byGiven = (full_name: string, birth_date: string) =>
        findCandidates(registry, [person({ full_name, birth_date })].map((values) => ({ values, keys: blockingKeys(values) })));
      const cases: [string, string, number[]][] = [
        ['Sùng A Páo', '1980-03-02', [3]], // given name, date with day and month swapped
        ['Sùng A Páo', '1980-07-07', []], // given name and year only, another family
        ['Giàng Seo Páo', '1980', [3]], // given name, year, same family
        ['Giàng A Páo', '1999', []], // same name, another year
        ['Huỳnh Văn Pánh', '1968', []],
        ['Lò Văn Pánh', '1968', [1]],
      ];
      for (const [name, date, ids] of cases) expect((await byGiven(name, date)).map((c) => c.personId), `${name} ${date}`).toEqual(ids);
    } finally {
      await registry.close();
    }
  });
});

describe('findCandidates: households, pending persons and remembered decisions', () => {
  const NO_CODES = { legacy_province_code: null, legacy_district_code: null, legacy_commune_code: null, province_code: null, commune_code: null,
    address_status: null, address_confidence: null, gazetteer_version: null };
  const family = [
    person({ full_name: 'Vàng Chá Chính', birth_date: '1990-02-19' }),
    person({ full_name: 'Mùa Thị Nhìa', birth_date: '1992-09-14' }),
    person({ full_name: 'Vàng A Pó', birth_date: '2016-10-31' }),
    person({ full_name: 'Lò Thị Ún', birth_date: '1970' }), // another household
  ];

  it('adds the other members of a found person\'s household, pending persons, and who a reviewer told apart', async () => {
    const registry = await openRegistry(join(mkdtempSync(join(tmpdir(), 'hokhau-cand-')), 'r.sqlite'));
    try {
      const db = registry.db;
      await db.insertInto('import_runs').values({ id: 'r', started_at: '', finished_at: null, status: 'succeeded', pipeline: 'nightly',
        records_in: 0, new_count: 0, merged_count: 0, flagged_count: 0, rejected_count: 0, files_count: 0, out_dir: '', error: null,
        gazetteer_version: null, match_model_json: null }).execute();
      await db.insertInto('households').values([1, 2].map((id) => ({ id, book_no: `12340${id}`, source_key: null, head_person_id: null, address_text: null, hamlet: null, created_run_id: 'r', ...NO_CODES }))).execute();
      await db.insertInto('persons').values(family.map((values, i) => ({
        id: i + 1, status: i === 1 ? ('pending_review' as const) : ('active' as const), ...personRowValues(values), ...blockingKeys(values), merged_into_id: null,
        household_id: i < 3 ? 1 : 2, ...NO_CODES, created_run_id: 'r', updated_run_id: 'r',
      }))).execute();
      await db.insertInto('memberships').values(family.map((_, i) => ({ household_id: i < 3 ? 1 : 2, person_id: i + 1, relation_to_head: null, run_id: 'r' }))).execute();
      await db.insertInto('match_decisions').values({ person_a: 1, person_b: 4, decision: 'different', decided_by: 'Lò Thị Mai', decided_at: '2025-06-02', review_id: null }).execute();

      // A moved copy of the father only: his wife (pending review) and son come with him, with their household.
      const incoming = [person({ full_name: 'Vang Cha Chinh', birth_date: '1990' })].map((values) => ({ values, keys: blockingKeys(values) }));
      const found = await findCandidates(registry, incoming);
      expect(found.map((c) => [c.personId, c.householdId])).toEqual([[1, 1], [2, 1], [3, 1]]);
      expect(found[0].differentFrom).toEqual([4]);
      expect(found[0].values.household_book_no).toBe('123401');
      expect(found[0].values.full_name).toBe('Vàng Chá Chính');
      const withoutHouseholds = await findCandidates(registry, incoming, ['name', 'given_year', 'decisions']);
      expect(withoutHouseholds.map((c) => c.personId)).toEqual([1]);
      // The second phase of a search: the households of the pairs that need them, asked by one member.
      const members = await findHouseholdMembers(registry, [2], true);
      expect(members.map((c) => [c.personId, c.householdId])).toEqual([[1, 1], [2, 1], [3, 1]]);
      expect(members[0].differentFrom).toEqual([4]);
      expect(await findHouseholdMembers(registry, [], true)).toEqual([]);
      // Persons the first phase already read are not read again.
      expect((await findHouseholdMembers(registry, [2], true, new Set([1, 2]))).map((c) => c.personId)).toEqual([3]);
      // Inside the loader's transaction, persons it wrote and has not committed yet are candidates too.
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('persons').values({ id: 5, status: 'active', ...personRowValues(family[0]), ...blockingKeys(family[0]), merged_into_id: null,
          household_id: 2, ...NO_CODES, created_run_id: 'r', updated_run_id: 'r' }).execute();
        const seen = await findCandidates({ db: trx, readRows: registry.readRows }, incoming, ['name']);
        expect(seen.map((c) => [c.personId, c.values.household_book_no])).toEqual([[1, '123401'], [5, '123402']]);
      });
    } finally {
      await registry.close();
    }
  });
});
