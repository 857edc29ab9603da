import type { Kysely, Transaction } from 'kysely';
import { blockingKeys } from '../match/blocking-keys.js';
import type { PersonValues } from '../normalize/person-values.js';
import type { SourceRef } from './export-rows.js';
import { PERSON_VALUE_COLUMNS, personValuesFromRow } from './person-row.js';
import type { AddressCodeColumns, PersonStatus, RegistrySchema, ReviewAuditTable } from './schema.js';

type Db = Kysely<RegistrySchema> | Transaction<RegistrySchema>;
type Trx = Transaction<RegistrySchema>;

const CHUNK = 5000;

/** One side of a review pair as the reviewer sees it. */
export interface ReviewPerson {
  id: number;
  status: PersonStatus;
  full_name: string;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  personal_id: string | null;
  old_id: string | null;
  ethnicity: string | null;
  household_book_no: string | null;
  relation_to_head: string | null;
  address_text: string | null;
  commune_code: string | null;
  /** Where the person was read from (file, sheet, row or page), so the reviewer can open the book. */
  sources: SourceRef[];
}

/** An open review: `a` is the pending (incoming) person, `b` the person it may be. */
export interface RunReview {
  id: number;
  run_id: string;
  probability: number;
  explanation_vi: string;
  a: ReviewPerson;
  b: ReviewPerson;
}

/**
 * The run's open reviews, in id order, with both persons' values side by side.
 *
 * @example
 * const reviews = await listRunReviews(registry.db, '2025-06-01T02-00-00Z');
 * reviews[0].a.full_name; // 'Lò Văn Pánh'
 */
export async function listRunReviews(db: Db, runId: string): Promise<RunReview[]> {
  const reviews = await db
    .selectFrom('match_reviews')
    .select(['id', 'run_id', 'person_id', 'candidate_person_id', 'probability', 'explanation_vi'])
    .where('run_id', '=', runId)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();
  const persons = await reviewPersons(db, [...new Set(reviews.flatMap((r) => [r.person_id, r.candidate_person_id]))]);
  return reviews.map((r) => ({
    id: r.id,
    run_id: r.run_id,
    probability: r.probability,
    explanation_vi: r.explanation_vi,
    a: persons.get(r.person_id)!,
    b: persons.get(r.candidate_person_id)!,
  }));
}

async function reviewPersons(db: Db, ids: readonly number[]): Promise<Map<number, ReviewPerson>> {
  const found = new Map<number, ReviewPerson>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = await db
      .selectFrom('persons')
      .leftJoin('households', 'households.id', 'persons.household_id')
      .select([
        'persons.id', 'persons.status', 'persons.full_name', 'persons.birth_date', 'persons.sex', 'persons.personal_id',
        'persons.old_id', 'persons.ethnicity', 'households.book_no as household_book_no', 'persons.relation_to_head',
        'persons.address_text', 'persons.commune_code',
      ])
      .where('persons.id', 'in', chunk)
      .execute();
    for (const row of rows) found.set(row.id, { ...row, sources: [] });
    const sources = await db
      .selectFrom('source_records')
      .select(['person_id', 'file_name', 'sheet', 'row_no', 'page'])
      .where('person_id', 'in', chunk)
      .orderBy('id')
      .execute();
    for (const s of sources) found.get(s.person_id!)?.sources.push({ file: s.file_name, sheet: s.sheet, row: s.row_no, page: s.page });
  }
  return found;
}

/** What a review file row is checked against: the review, both persons as they are now, the remembered decision. */
export interface ReviewState {
  id: number;
  /** 'open' | 'same' | 'different' | 'skipped'. */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  person_id: number;
  candidate_person_id: number;
  person_status: PersonStatus;
  /** The person each side is now: itself, or the person it was merged into. */
  person_now: number;
  candidate_now: number;
  /** A decision remembered for this pair of persons (from this or another review), if any. */
  remembered: 'same' | 'different' | null;
}

/**
 * The reviews with these ids (unknown ids are absent from the map), for validating a review file before applying it.
 *
 * @example
 * const states = await findReviewStates(registry.db, [12, 13]);
 * states.get(12)?.status; // 'open'
 */
export async function findReviewStates(db: Db, ids: readonly number[]): Promise<Map<number, ReviewState>> {
  const found = new Map<number, ReviewState>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db
      .selectFrom('match_reviews as r')
      .innerJoin('persons as p', 'p.id', 'r.person_id')
      .innerJoin('persons as c', 'c.id', 'r.candidate_person_id')
      // Either order, written portably (SQLite's two-argument min() is PostgreSQL's least()).
      .leftJoin('match_decisions as d', (join) =>
        join.on((eb) =>
          eb.or([
            eb.and([eb('d.person_a', '=', eb.ref('r.person_id')), eb('d.person_b', '=', eb.ref('r.candidate_person_id'))]),
            eb.and([eb('d.person_a', '=', eb.ref('r.candidate_person_id')), eb('d.person_b', '=', eb.ref('r.person_id'))]),
          ]),
        ),
      )
      .select([
        'r.id', 'r.status', 'r.decided_by', 'r.decided_at', 'r.person_id', 'r.candidate_person_id', 'p.status as person_status',
        'p.merged_into_id as person_into', 'c.merged_into_id as candidate_into', 'd.decision as remembered',
      ])
      .where('r.id', 'in', ids.slice(start, start + CHUNK))
      .execute();
    for (const { person_into, candidate_into, ...row } of rows) {
      // Merges keep merged_into_id pointing at the final person (see mergePersonInto), so one hop is enough.
      found.set(row.id, { ...row, person_now: person_into ?? row.person_id, candidate_now: candidate_into ?? row.candidate_person_id, remembered: row.remembered ?? null });
    }
  }
  return found;
}

/** The last time a file with these bytes was applied (not refused for bad rows), if ever. */
export async function lastReviewAudit(db: Db, kind: ReviewAuditTable['kind'], sha256: string): Promise<{ applied_at: string; reviewer: string } | null> {
  const row = await db
    .selectFrom('review_audit')
    .select(['applied_at', 'reviewer'])
    .where('kind', '=', kind)
    .where('file_sha256', '=', sha256)
    .where('rows_invalid', '=', 0)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/** A reviewer's answer for one pair. */
export interface PairDecision {
  reviewId: number;
  decision: 'same' | 'different';
}

export interface ApplyPairDecisionsInput {
  decisions: readonly PairDecision[];
  reviewer: string;
  /** ISO timestamp written as decided_at and applied_at. */
  decidedAt: string;
  /** How a merged person's values fill the surviving person's (match's mergePersonValues). */
  mergeValues: (person: PersonValues, incoming: PersonValues) => PersonValues;
  /** The review_audit row of this run of the command (written in the same transaction). */
  audit: Omit<ReviewAuditTable, 'id' | 'kind' | 'reviewer' | 'applied_at'>;
}

export interface ApplyPairDecisionsResult {
  /** Persons merged into another (status 'merged'). */
  merged: number;
  /** Pending persons that became active. */
  activated: number;
}

/**
 * Applies reviewers' decisions in one transaction, with the audit row: 'same' merges the pending person into the
 * candidate (sources, memberships, empty fields; status 'merged'), 'different' closes the pair; each pair is
 * remembered in match_decisions. A pending person with no open review left becomes active. Decisions already in
 * place are left alone, so applying the same decisions twice changes nothing the second time.
 *
 * @example
 * await applyPairDecisions(registry.db, { decisions: [{ reviewId: 12, decision: 'same' }], reviewer: 'Lò Thị Mai',
 *   decidedAt: new Date().toISOString(), mergeValues: mergePersonValues, audit });
 */
export async function applyPairDecisions(db: Kysely<RegistrySchema>, input: ApplyPairDecisionsInput): Promise<ApplyPairDecisionsResult> {
  return db.transaction().execute(async (trx) => {
    const result: ApplyPairDecisionsResult = { merged: 0, activated: 0 };
    const touched = new Set<number>();
    for (const { reviewId, decision } of input.decisions) {
      const review = await trx.selectFrom('match_reviews').selectAll().where('id', '=', reviewId).executeTakeFirstOrThrow();
      if (review.status === decision) continue;
      if (decision === 'same') {
        const into = await mergePersonInto(trx, review.person_id, review.candidate_person_id, input.mergeValues);
        if (into !== null) {
          result.merged++;
          touched.add(into);
        }
      } else {
        touched.add(review.person_id);
      }
      await trx
        .updateTable('match_reviews')
        .set({ status: decision, decided_by: input.reviewer, decided_at: input.decidedAt })
        .where('id', '=', reviewId)
        .execute();
      const [a, b] = review.person_id < review.candidate_person_id ? [review.person_id, review.candidate_person_id] : [review.candidate_person_id, review.person_id];
      const remembered = { decision, decided_by: input.reviewer, decided_at: input.decidedAt, review_id: reviewId };
      await trx
        .insertInto('match_decisions')
        .values({ person_a: a, person_b: b, ...remembered })
        .onConflict((oc) => oc.columns(['person_a', 'person_b']).doUpdateSet(remembered))
        .execute();
    }
    result.activated = await activateSettled(trx, [...touched]);
    await trx
      .insertInto('review_audit')
      .values({ kind: 'duplicates', reviewer: input.reviewer, applied_at: input.decidedAt, ...input.audit })
      .execute();
    return result;
  });
}

/** The person `id` is now: itself, or the end of its merged_into_id chain. */
async function personNow(trx: Trx, id: number): Promise<number> {
  let current = id;
  for (let hops = 0; hops < 100; hops++) {
    const row = await trx.selectFrom('persons').select('merged_into_id').where('id', '=', current).executeTakeFirstOrThrow();
    if (row.merged_into_id === null) return current;
    current = row.merged_into_id;
  }
  return current;
}

const ADDRESS_CODE_COLUMNS = [
  'legacy_province_code', 'legacy_district_code', 'legacy_commune_code', 'province_code', 'commune_code',
  'address_status', 'address_confidence', 'gazetteer_version',
] as const satisfies readonly (keyof AddressCodeColumns)[];

/**
 * Merges person `from` into person `into` (each as it is now): nothing is lost, the surviving person gains the
 * sources, memberships and empty fields; `from` stays as status 'merged' for provenance. Returns the surviving
 * person's id, or null when both are already the same person.
 */
async function mergePersonInto(trx: Trx, from: number, into: number, mergeValues: ApplyPairDecisionsInput['mergeValues']): Promise<number | null> {
  const source = await personNow(trx, from);
  const target = await personNow(trx, into);
  if (source === target) return null;
  const rows = await trx
    .selectFrom('persons')
    .leftJoin('households', 'households.id', 'persons.household_id')
    .select([...PERSON_VALUE_COLUMNS.map((c) => `persons.${c}` as const), ...ADDRESS_CODE_COLUMNS.map((c) => `persons.${c}` as const)])
    .select(['persons.id', 'persons.household_id', 'households.book_no'])
    .where('persons.id', 'in', [source, target])
    .execute();
  const src = rows.find((r) => r.id === source)!;
  const tgt = rows.find((r) => r.id === target)!;
  const before = personValuesFromRow(tgt, tgt.book_no);
  const after = mergeValues(before, personValuesFromRow(src, src.book_no));
  const update: Record<string, unknown> = {};
  for (const column of PERSON_VALUE_COLUMNS) if (after[column] !== before[column]) update[column] = after[column];
  if (Object.keys(update).length > 0) Object.assign(update, blockingKeys(after));
  // Address codes belong with the address text they were coded from: taken as a whole, only when the target has none.
  if (tgt.address_status === null && src.address_status !== null) for (const c of ADDRESS_CODE_COLUMNS) update[c] = src[c];
  if (tgt.household_id === null && src.household_id !== null) update.household_id = src.household_id;
  if (Object.keys(update).length > 0) await trx.updateTable('persons').set(update).where('id', '=', target).execute();

  await trx.updateTable('source_records').set({ person_id: target }).where('person_id', '=', source).execute();
  // A household both belonged to keeps the target's membership; the others move.
  const targetHouseholds = trx.selectFrom('memberships').select('household_id').where('person_id', '=', target);
  await trx.deleteFrom('memberships').where('person_id', '=', source).where('household_id', 'in', targetHouseholds).execute();
  await trx.updateTable('memberships').set({ person_id: target }).where('person_id', '=', source).execute();
  await trx.updateTable('households').set({ head_person_id: target }).where('head_person_id', '=', source).execute();
  // Keep merged_into_id pointing at a person that is not merged, so "the person it is now" is one hop away.
  await trx.updateTable('persons').set({ merged_into_id: target }).where('merged_into_id', '=', source).execute();
  await trx.updateTable('persons').set({ status: 'merged', merged_into_id: target }).where('id', '=', source).execute();
  return target;
}

/** Pending persons without any open review left become active; returns how many did. */
async function activateSettled(trx: Trx, ids: readonly number[]): Promise<number> {
  let activated = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const open = trx.selectFrom('match_reviews').select('person_id').where('status', '=', 'open');
    // A person also pending for a doubtful field waits for review-fields.csv: deciding its pair does not vouch for it.
    const doubtful = trx
      .selectFrom('source_records')
      .select('person_id')
      .where('person_id', 'is not', null)
      .where('issues_json', 'like', '%"severity":"review"%');
    const result = await trx
      .updateTable('persons')
      .set({ status: 'active' })
      .where('id', 'in', ids.slice(start, start + CHUNK))
      .where('status', '=', 'pending_review')
      .where('id', 'not in', open)
      .where('id', 'not in', doubtful)
      .executeTakeFirst();
    activated += Number(result.numUpdatedRows);
  }
  return activated;
}
