import type { Transaction } from 'kysely';
import type { MatchResult } from '../match/match-decision.js';
import type { BulkInsert } from './bulk-insert.js';
import type { RegistrySchema } from './schema.js';
import { nextId } from './write-persons.js';

/**
 * One open review per flagged record that has a likely twin: its (pending) person, the person it may be, the match
 * probability and each comparison's contribution in words.
 *
 * @example
 * await writeMatchReviews(trx, insert, runId, decided, personIds);
 */
export async function writeMatchReviews(
  trx: Transaction<RegistrySchema>,
  insert: BulkInsert,
  runId: string,
  decided: readonly MatchResult[],
  personIds: readonly (number | null)[],
): Promise<void> {
  let id = await nextId(trx, 'match_reviews');
  const rows: RegistrySchema['match_reviews'][] = [];
  decided.forEach(({ review }, index) => {
    const personId = personIds[index];
    if (!review || personId === null) return;
    const candidate = 'personId' in review.into ? review.into.personId : personIds[review.into.batchIndex];
    if (candidate === null || candidate === personId) return;
    rows.push({
      id: id++, run_id: runId, person_id: personId, candidate_person_id: candidate, probability: review.probability,
      weight: review.weight, explanation_vi: review.explanationVi, explanation_en: review.explanationEn, status: 'open',
      decided_by: null, decided_at: null,
    });
  });
  await insert(trx, 'match_reviews', rows);
}
