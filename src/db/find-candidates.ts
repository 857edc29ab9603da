import type { Kysely, Transaction } from 'kysely';
import type { BlockingKeys } from '../match/blocking-keys.js';
import type { RegistryCandidate } from '../match/match-decision.js';
import { foldKey } from '../normalize/vietnamese-text.js';
import type { PersonValues } from '../normalize/person-values.js';
import { PERSON_VALUE_COLUMNS, personValuesFromRow } from './person-row.js';
import type { RegistrySchema } from './schema.js';

type Db = Kysely<RegistrySchema> | Transaction<RegistrySchema>;

/** The blocking keys a search may use: exact-ID matching needs only the first. */
export type CandidateKey = 'personal_id' | 'old_id' | 'name' | 'given_year' | 'book' | 'household' | 'decisions';
/** Every key: 'household' adds the other members of the found persons' households, 'decisions' the reviewers' answers. */
export const ALL_CANDIDATE_KEYS: readonly CandidateKey[] = ['personal_id', 'old_id', 'name', 'given_year', 'book', 'household', 'decisions'];

/** Persons a record may be: active ones, and those loaded pending a review (a later copy is still that person). */
const MATCHABLE = ['active', 'pending_review'] as const;

const CHUNK = 2_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The registry persons (active, or loaded pending a review) that could be any of these incoming people, found through
 * indexes with the blocking keys: same personal ID, same old ID, same folded name (or an incoming other name), same
 * given name and birth year, same household book; then the other members of their households (household evidence:
 * a family that moved is recognised by its members together). Each carries its household and the persons a
 * reviewer decided are someone else (match_decisions), so that pair is never asked again. Never a scan of the registry.
 *
 * @example
 * const candidates = await findCandidates(trx, incoming, ['personal_id']);
 */
export async function findCandidates(
  db: Db,
  incoming: readonly { values: PersonValues; keys: BlockingKeys | null }[],
  keys: readonly CandidateKey[] = ALL_CANDIDATE_KEYS,
): Promise<RegistryCandidate[]> {
  const use = new Set(keys);
  const personalIds = new Set<string>();
  const oldIds = new Set<string>();
  const names = new Set<string>();
  const givenYears = new Map<string, [string, string]>();
  const books = new Set<string>();
  for (const { values, keys } of incoming) {
    if (values.personal_id) personalIds.add(values.personal_id);
    if (values.old_id) oldIds.add(values.old_id);
    if (!keys) continue;
    if (keys.name_fold) names.add(keys.name_fold);
    for (const other of (values.other_name ?? '').split(/[,;/]/)) if (foldKey(other)) names.add(foldKey(other));
    if (keys.given_fold && keys.birth_year) givenYears.set(`${keys.given_fold}|${keys.birth_year}`, [keys.given_fold, keys.birth_year]);
    if (values.household_book_no) books.add(values.household_book_no);
  }

  const ids = new Set<number>();
  const collect = async (query: (chunk: any[]) => Promise<{ id: number }[]>, keys: Iterable<unknown>) => {
    for (const chunk of chunks([...keys])) for (const row of await query(chunk)) ids.add(row.id);
  };
  const persons = () => db.selectFrom('persons').select('persons.id').where('persons.status', 'in', MATCHABLE);
  if (use.has('personal_id')) await collect((c) => persons().where('personal_id', 'in', c).execute(), personalIds);
  if (use.has('old_id')) await collect((c) => persons().where('old_id', 'in', c).execute(), oldIds);
  if (use.has('name')) await collect((c) => persons().where('name_fold', 'in', c).execute(), names);
  if (use.has('given_year')) {
    // Per birth year, the given names of that year: each query is an exact range of the (given_fold, birth_year) index.
    const byYear = new Map<string, string[]>();
    for (const [given, year] of givenYears.values()) byYear.set(year, [...(byYear.get(year) ?? []), given]);
    for (const [year, givens] of byYear) {
      await collect((c) => persons().where('birth_year', '=', year).where('given_fold', 'in', c).execute(), givens);
    }
  }
  if (use.has('book')) {
    await collect(
      (c) => persons().innerJoin('households', 'households.id', 'persons.household_id').where('households.book_no', 'in', c).execute(),
      books,
    );
  }

  if (use.has('household')) {
    const households = new Set<number>();
    for (const chunk of chunks([...ids])) {
      for (const row of await db.selectFrom('memberships').select('household_id').where('person_id', 'in', chunk).execute()) households.add(row.household_id);
    }
    await collect(
      (c) => persons().innerJoin('memberships', 'memberships.person_id', 'persons.id').where('memberships.household_id', 'in', c).execute(),
      households,
    );
  }

  const candidates: RegistryCandidate[] = [];
  for (const chunk of chunks([...ids])) {
    const rows = await db
      .selectFrom('persons')
      .leftJoin('households', 'households.id', 'persons.household_id')
      .select([...PERSON_VALUE_COLUMNS.map((c) => `persons.${c}` as const), 'persons.id', 'persons.household_id', 'households.book_no'])
      .where('persons.id', 'in', chunk)
      .execute();
    for (const row of rows) candidates.push({ personId: row.id, values: personValuesFromRow(row, row.book_no), householdId: row.household_id });
  }
  if (use.has('decisions')) await attachDecisions(db, candidates);
  return candidates.sort((a, b) => a.personId - b.personId);
}

/** Fills each candidate's differentFrom from the reviewers' 'different' decisions that name it (either side). */
async function attachDecisions(db: Db, candidates: RegistryCandidate[]): Promise<void> {
  const different = new Map<number, number[]>();
  const add = (a: number, b: number) => different.set(a, [...(different.get(a) ?? []), b]);
  for (const chunk of chunks(candidates.map((c) => c.personId))) {
    const rows = await db
      .selectFrom('match_decisions')
      .select(['person_a', 'person_b'])
      .where('decision', '=', 'different')
      .where((eb) => eb.or([eb('person_a', 'in', chunk), eb('person_b', 'in', chunk)]))
      .execute();
    for (const { person_a, person_b } of rows) {
      add(person_a, person_b);
      add(person_b, person_a);
    }
  }
  for (const c of candidates) {
    const list = different.get(c.personId);
    if (list) c.differentFrom = [...new Set(list)];
  }
}
