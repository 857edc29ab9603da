import { afterEach, describe, expect, it } from 'vitest';
import { mergePersonValues } from '../match/merge-person-values.js';
import { applyPairDecisions, findReviewStates, listRunReviews, type ApplyPairDecisionsInput } from './match-reviews.js';
import { REVIEW_RUN, registrySnapshot, seedReviewRegistry } from './match-reviews.test-helper.js';
import type { Registry } from './open-registry.js';

let registry: Registry | null = null;
afterEach(async () => {
  await registry?.close();
  registry = null;
});

async function seeded(): Promise<Registry> {
  registry = (await seedReviewRegistry()).registry;
  return registry;
}

const AUDIT = { file_name: 'review-duplicates.csv', file_sha256: 'abc', rows_applied: 0, rows_unchanged: 0, rows_invalid: 0 };

function input(decisions: ApplyPairDecisionsInput['decisions']): ApplyPairDecisionsInput {
  return { decisions, reviewer: 'Lò Thị Mai', decidedAt: '2025-06-02T08:30:00.000Z', mergeValues: mergePersonValues, audit: { ...AUDIT, rows_applied: decisions.length } };
}

describe('listRunReviews', () => {
  it('gives the open pairs of the run with both persons side by side, book numbers and sources', async () => {
    const { db } = await seeded();
    const reviews = await listRunReviews(db, REVIEW_RUN);
    expect(reviews.map((r) => [r.id, r.a.id, r.b.id])).toEqual([[101, 4, 1], [102, 5, 2], [103, 6, 3], [104, 7, 8], [105, 7, 9]]);
    expect(reviews[0]).toMatchObject({
      probability: 0.9312,
      explanation_vi: expect.stringContaining('cùng sổ hộ khẩu'),
      a: { full_name: 'Lò Văn Pánh', birth_date: '1968', old_id: '040123456', personal_id: null, household_book_no: '123456', status: 'pending_review',
        sources: [{ file: 'xa-muong-phang.xlsx', sheet: 'Bản Na Ngám', row: 15, page: null }] },
      b: { full_name: 'Lò Văn Pánh', birth_date: '1968-03-12', personal_id: '011068001234', ethnicity: 'Thái', relation_to_head: 'Chủ hộ',
        address_text: 'Bản Na Ngám, xã Mường Phăng', commune_code: '03124', sex: 'M' },
    });
    expect(await listRunReviews(db, 'r1')).toEqual([]);
  });

  it('leaves out decided pairs', async () => {
    const { db } = await seeded();
    await applyPairDecisions(db, input([{ reviewId: 102, decision: 'different' }]));
    expect((await listRunReviews(db, REVIEW_RUN)).map((r) => r.id)).toEqual([101, 103, 104, 105]);
  });
});

describe('applyPairDecisions', () => {
  it('merges the pending person into the candidate: sources, memberships without duplicates, empty fields, head', async () => {
    const { db } = await seeded();
    const result = await applyPairDecisions(db, input([{ reviewId: 101, decision: 'same' }]));
    expect(result).toEqual({ merged: 1, activated: 0 });
    const persons = await db.selectFrom('persons').selectAll().where('id', 'in', [1, 4]).orderBy('id').execute();
    expect(persons[0]).toMatchObject({
      status: 'active', birth_date: '1968-03-12', personal_id: '011068001234', old_id: '040123456', occupation: 'Làm ruộng',
      commune_code: '03124', household_id: 1,
    });
    expect(persons[1]).toMatchObject({ status: 'merged', merged_into_id: 1 });
    const sources = await db.selectFrom('source_records').select(['id', 'person_id']).where('id', 'in', [11, 14]).execute();
    expect(sources.map((s) => s.person_id)).toEqual([1, 1]);
    const memberships = await db.selectFrom('memberships').select(['household_id', 'person_id', 'relation_to_head']).where('person_id', 'in', [1, 4]).orderBy('household_id').execute();
    expect(memberships).toEqual([
      { household_id: 1, person_id: 1, relation_to_head: 'Chủ hộ' },
      { household_id: 5, person_id: 1, relation_to_head: 'Chủ hộ' },
    ]);
    expect((await db.selectFrom('households').select('head_person_id').where('id', '=', 5).executeTakeFirstOrThrow()).head_person_id).toBe(1);
    const review = await db.selectFrom('match_reviews').selectAll().where('id', '=', 101).executeTakeFirstOrThrow();
    expect(review).toMatchObject({ status: 'same', decided_by: 'Lò Thị Mai', decided_at: '2025-06-02T08:30:00.000Z' });
    expect(await db.selectFrom('match_decisions').selectAll().execute()).toEqual([
      { person_a: 1, person_b: 4, decision: 'same', decided_by: 'Lò Thị Mai', decided_at: '2025-06-02T08:30:00.000Z', review_id: 101 },
    ]);
    expect(await db.selectFrom('review_audit').select(['kind', 'reviewer', 'rows_applied']).execute()).toEqual([
      { kind: 'duplicates', reviewer: 'Lò Thị Mai', rows_applied: 1 },
    ]);
  });

  it('takes the address with its codes from the merged person only when the surviving one has none', async () => {
    const { db } = await seeded();
    const none = { address_text: null, address_status: null, commune_code: null, legacy_commune_code: null, province_code: null };
    await db.updateTable('persons').set(none).where('id', '=', 1).execute();
    await db.updateTable('persons').set({ address_text: 'Bản Na Ư, xã Na Ư', address_status: 'coded', commune_code: '03151', legacy_commune_code: '03151', province_code: '11' })
      .where('id', '=', 4).execute();
    await db.updateTable('persons').set({ address_text: 'Bản Pá Hốc', address_status: 'ambiguous', commune_code: null }).where('id', '=', 2).execute();
    await db.updateTable('persons').set({ address_text: 'Bản Co Mận', address_status: 'coded', commune_code: '03160' }).where('id', '=', 5).execute();
    await applyPairDecisions(db, input([{ reviewId: 101, decision: 'same' }, { reviewId: 102, decision: 'same' }]));
    const rows = await db.selectFrom('persons').select(['id', 'address_text', 'address_status', 'commune_code', 'province_code']).where('id', 'in', [1, 2]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, address_text: 'Bản Na Ư, xã Na Ư', address_status: 'coded', commune_code: '03151', province_code: '11' },
      { id: 2, address_text: 'Bản Pá Hốc', address_status: 'ambiguous', commune_code: null, province_code: null },
    ]);
  });

  it('makes a pending person active once no open review is left, and not before', async () => {
    const { db } = await seeded();
    const status = async (id: number) => (await db.selectFrom('persons').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect(await applyPairDecisions(db, input([{ reviewId: 102, decision: 'different' }, { reviewId: 104, decision: 'different' }])))
      .toEqual({ merged: 0, activated: 1 });
    expect(await status(5)).toBe('active');
    expect(await status(7)).toBe('pending_review'); // 105 still open
    expect(await status(2)).toBe('active');
    await applyPairDecisions(db, input([{ reviewId: 105, decision: 'different' }]));
    expect(await status(7)).toBe('active');
    expect(await db.selectFrom('match_decisions').select(['person_a', 'person_b', 'decision']).orderBy('person_a').orderBy('person_b').execute()).toEqual([
      { person_a: 2, person_b: 5, decision: 'different' },
      { person_a: 7, person_b: 8, decision: 'different' },
      { person_a: 7, person_b: 9, decision: 'different' },
    ]);
  });

  it('keeps a pending person with a doubtful field pending when its pair is decided: the field review decides', async () => {
    const { db } = await seeded();
    const doubt = [{ field: 'birth_date', code: 'low_confidence', severity: 'review', message: 'Độ tin cậy nhận dạng thấp (61%)' }];
    await db.updateTable('source_records').set({ issues_json: JSON.stringify(doubt) }).where('person_id', '=', 5).execute();
    expect(await applyPairDecisions(db, input([{ reviewId: 102, decision: 'different' }]))).toEqual({ merged: 0, activated: 0 });
    expect((await db.selectFrom('persons').select('status').where('id', '=', 5).executeTakeFirstOrThrow()).status).toBe('pending_review');
  });

  it('activates a pending candidate once the pending person is merged into it', async () => {
    const { db } = await seeded();
    await db.updateTable('persons').set({ status: 'pending_review' }).where('id', '=', 1).execute();
    expect(await applyPairDecisions(db, input([{ reviewId: 101, decision: 'same' }]))).toEqual({ merged: 1, activated: 1 });
    expect((await db.selectFrom('persons').select('status').where('id', '=', 1).executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('follows a candidate that was merged since, and keeps merged_into_id one hop from the surviving person', async () => {
    const { db } = await seeded();
    // 8 and 9 are the same woman; 7 is then the same as 9 (now 8).
    await db.insertInto('match_reviews').values({ id: 106, run_id: REVIEW_RUN, person_id: 9, candidate_person_id: 8, probability: 0.9, weight: 5,
      explanation_vi: 'x', explanation_en: 'x', status: 'open', decided_by: null, decided_at: null }).execute();
    await applyPairDecisions(db, input([{ reviewId: 105, decision: 'same' }, { reviewId: 106, decision: 'same' }]));
    const rows = await db.selectFrom('persons').select(['id', 'status', 'merged_into_id']).where('id', 'in', [7, 8, 9]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 7, status: 'merged', merged_into_id: 8 },
      { id: 8, status: 'active', merged_into_id: null },
      { id: 9, status: 'merged', merged_into_id: 8 },
    ]);
    const states = await findReviewStates(db, [104, 105]);
    expect(states.get(104)).toMatchObject({ status: 'open', person_now: 8, candidate_now: 8 });
    expect(states.get(105)).toMatchObject({ status: 'same', remembered: 'same' });
    expect((await db.selectFrom('source_records').select('person_id').where('id', 'in', [17, 18, 19]).execute()).map((r) => r.person_id)).toEqual([8, 8, 8]);
  });

  it('changes nothing but the audit when the same decisions are applied again', async () => {
    const { db } = await seeded();
    const decisions = input([{ reviewId: 101, decision: 'same' }, { reviewId: 102, decision: 'different' }]);
    await applyPairDecisions(db, decisions);
    const before = await registrySnapshot(db);
    expect(await applyPairDecisions(db, { ...decisions, decidedAt: '2025-06-03T09:00:00.000Z' })).toEqual({ merged: 0, activated: 0 });
    expect(await registrySnapshot(db)).toEqual(before);
    expect(await db.selectFrom('review_audit').select('id').execute()).toHaveLength(2);
  });

  it('rolls back every decision when one fails', async () => {
    const { db } = await seeded();
    const before = await registrySnapshot(db);
    await expect(applyPairDecisions(db, input([{ reviewId: 101, decision: 'same' }, { reviewId: 999, decision: 'different' }]))).rejects.toThrow();
    expect(await registrySnapshot(db)).toEqual(before);
    expect(await db.selectFrom('review_audit').select('id').execute()).toHaveLength(0);
  });
});

describe('findReviewStates', () => {
  it('knows each pair\'s status, the persons as they are now and a remembered decision', async () => {
    const { db } = await seeded();
    await db.insertInto('match_decisions').values({ person_a: 3, person_b: 6, decision: 'different', decided_by: 'Cầm Văn Sơn',
      decided_at: '2025-05-01T00:00:00Z', review_id: null }).execute();
    const states = await findReviewStates(db, [101, 103, 999]);
    expect([...states.keys()].sort()).toEqual([101, 103]);
    expect(states.get(101)).toMatchObject({ status: 'open', person_id: 4, candidate_person_id: 1, person_status: 'pending_review', person_now: 4, candidate_now: 1, remembered: null });
    expect(states.get(103)).toMatchObject({ remembered: 'different' });
  });
});
