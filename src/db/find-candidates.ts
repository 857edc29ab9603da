import { sql, type Kysely, type Transaction } from 'kysely';
import type { BlockingKeys } from '../match/blocking-keys.js';
import type { RegistryCandidate } from '../match/match-decision.js';
import { parseIsoDate } from '../match/engine/comparisons/birth-date-comparison.js';
import { familiesOfClass, nameFeatures } from '../match/engine/comparisons/vn-name-comparison.js';
import { foldKey } from '../normalize/vietnamese-text.js';
import type { PersonValues } from '../normalize/person-values.js';
import { MATCH_VALUE_COLUMNS, matchValuesFromRow } from './person-row.js';
import type { ReadRows } from './read-rows.js';
import type { RegistrySchema } from './schema.js';

type Db = Kysely<RegistrySchema> | Transaction<RegistrySchema>;

/** Where candidates are read: the open transaction, and the registry's fast row reader on the same connection. */
export interface CandidateSource {
  db: Db;
  readRows: ReadRows;
}

/** The blocking keys a search may use: exact-ID matching needs only the first. */
export type CandidateKey = 'personal_id' | 'old_id' | 'name' | 'given_year' | 'book' | 'household' | 'decisions';
/** Every key: 'household' adds the other members of the found persons' households, 'decisions' the reviewers' answers. */
export const ALL_CANDIDATE_KEYS: readonly CandidateKey[] = ['personal_id', 'old_id', 'name', 'given_year', 'book', 'household', 'decisions'];

/** Persons a record may be: active ones, and those loaded pending a review (a later copy is still that person). */
const MATCHABLE = ['active', 'pending_review'] as const;

const CHUNK = 2_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface NameYear {
  name: string;
  year: string;
}

/** Given name and birth year, with the full birth date both ways round and the family names' prefixes that pair. */
interface GivenYear {
  given: string;
  year: string;
  d1: string | null;
  d2: string | null;
  f1: string;
  f2: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The given-name keys of an incoming record as the blocking rules use them: same given name and full date (day and
 * month either way round: given_date), or same given name, year and family name up to Hoàng/Huỳnh, Vũ/Võ
 * (family_given_year).
 */
function givenYearKeys(values: PersonValues, given: string | null, year: string): GivenYear[] {
  const features = nameFeatures(values);
  if (!given || !features) return [];
  const date = parseIsoDate(values.birth_date);
  const full = date && date.day > 0 && date.month > 0;
  const d1 = full ? `${date.year}-${pad2(date.month)}-${pad2(date.day)}` : null;
  const d2 = full && date.day <= 12 ? `${date.year}-${pad2(date.day)}-${pad2(date.month)}` : d1;
  const families = familiesOfClass(features.familyClass).map((f) => `${f} `);
  return [{ given, year, d1, d2, f1: families[0], f2: families[1] ?? families[0] }];
}

/** Persons of the same folded name (or an incoming other name) and birth year: the (name_fold, birth_year) index. */
function byNameYear(db: Db, keys: readonly NameYear[]): Promise<{ id: number }[]> {
  const rows = sql.join(keys.map((k) => sql`(${k.name}, ${k.year})`));
  return sql<{ id: number }>`WITH k(name, year) AS (VALUES ${rows})
    SELECT p.id FROM k JOIN persons p ON p.name_fold = k.name AND p.birth_year = k.year
    WHERE p.status IN ('active', 'pending_review')`.execute(db).then((r) => r.rows);
}

/**
 * Persons of the same given name and birth year (the (given_fold, birth_year) index) that one of the given-name rules
 * pairs: same full date either way round, or a family name of the same class (the folded name starts with it).
 */
function byGivenYear(db: Db, keys: readonly GivenYear[]): Promise<{ id: number }[]> {
  const rows = sql.join(keys.map((k) => sql`(${k.given}, ${k.year}, ${k.d1}, ${k.d2}, ${k.f1}, ${k.f2})`));
  return sql<{ id: number }>`WITH k(given, year, d1, d2, f1, f2) AS (VALUES ${rows})
    SELECT p.id FROM k JOIN persons p ON p.given_fold = k.given AND p.birth_year = k.year
    WHERE p.status IN ('active', 'pending_review')
      AND (p.birth_date = k.d1 OR p.birth_date = k.d2 OR substr(p.name_fold, 1, length(k.f1)) = k.f1 OR substr(p.name_fold, 1, length(k.f2)) = k.f2)`
    .execute(db).then((r) => r.rows);
}

/**
 * The registry persons (active, or loaded pending a review) that could be any of these incoming people, found through
 * indexes with what the blocking rules pair: same personal ID, same old ID, same folded name (or an incoming other
 * name) and birth year, same given name and full birth date (day and month either way round), same given name, birth
 * year and family name (Hoàng/Huỳnh, Vũ/Võ alike), same household book; then the other members of their households (household evidence:
 * a family that moved is recognised by its members together). Each carries its household and the persons a
 * reviewer decided are someone else (match_decisions), so that pair is never asked again. Never a scan of the registry.
 *
 * @example
 * const candidates = await findCandidates({ db: trx, readRows: registry.readRows }, incoming, ['personal_id']);
 */
export async function findCandidates(
  source: CandidateSource,
  incoming: readonly { values: PersonValues; keys: BlockingKeys | null }[],
  keys: readonly CandidateKey[] = ALL_CANDIDATE_KEYS,
): Promise<RegistryCandidate[]> {
  const use = new Set(keys);
  const { db } = source;
  const personalIds = new Set<string>();
  const oldIds = new Set<string>();
  const nameYears = new Map<string, NameYear>();
  const givenYears = new Map<string, GivenYear>();
  const books = new Set<string>();
  for (const { values, keys } of incoming) {
    if (values.personal_id) personalIds.add(values.personal_id);
    if (values.old_id) oldIds.add(values.old_id);
    if (!keys) continue;
    const year = keys.birth_year;
    if (year) {
      const names = [keys.name_fold, ...(values.other_name ?? '').split(/[,;/]/).map((o) => foldKey(o))];
      for (const name of names) if (name) nameYears.set(`${name}|${year}`, { name, year });
      for (const g of givenYearKeys(values, keys.given_fold, year)) givenYears.set(`${g.given}|${g.year}|${g.d1}|${g.d2}|${g.f1}|${g.f2}`, g);
    }
    if (values.household_book_no) books.add(values.household_book_no);
  }

  const ids = new Set<number>();
  const collect = async <T>(query: (chunk: T[]) => Promise<{ id: number }[]>, keys: Iterable<T>, size = CHUNK) => {
    for (const chunk of chunks([...keys], size)) for (const row of await query(chunk)) ids.add(row.id);
  };
  const persons = () => db.selectFrom('persons').select('persons.id').where('persons.status', 'in', MATCHABLE);
  if (use.has('personal_id')) await collect((c) => persons().where('personal_id', 'in', c).execute(), personalIds);
  if (use.has('old_id')) await collect((c) => persons().where('old_id', 'in', c).execute(), oldIds);
  // Only what the blocking rules can pair, so the candidates (and their households) stay proportional to the batch,
  // not to the registry: a common name or given name of a year has hundreds of persons in a 1M registry.
  if (use.has('name')) await collect((c) => byNameYear(db, c), nameYears.values(), CHUNK / 2);
  if (use.has('given_year')) await collect((c) => byGivenYear(db, c), givenYears.values(), CHUNK / 4);
  if (use.has('book')) {
    await collect(
      (c) => persons().innerJoin('households', 'households.id', 'persons.household_id').where('households.book_no', 'in', c).execute(),
      books,
    );
  }

  if (use.has('household')) for (const id of await householdMemberIds(db, ids)) ids.add(id);
  return candidatesOf(source, ids, use.has('decisions'));
}

/**
 * The persons (active or pending review) of the households the given persons belong to, themselves included, as
 * candidates with their reviewers' decisions when asked: the second phase of a search whose pairs need household
 * evidence (decideInPhases), so only the families of promising pairs are read. Persons in `known` (the first phase's
 * candidates, already read) are left out.
 *
 * @example
 * const members = await findHouseholdMembers({ db: trx, readRows: registry.readRows }, pending.householdsOf, true);
 */
export async function findHouseholdMembers(
  source: CandidateSource,
  personIds: Iterable<number>,
  withDecisions: boolean,
  known: ReadonlySet<number> = new Set(),
): Promise<RegistryCandidate[]> {
  const ids = await householdMemberIds(source.db, personIds);
  for (const id of known) ids.delete(id);
  return candidatesOf(source, ids, withDecisions);
}

/** Ids of every matchable person sharing a household (any membership) with one of these persons, themselves included. */
async function householdMemberIds(db: Db, personIds: Iterable<number>): Promise<Set<number>> {
  const households = new Set<number>();
  for (const chunk of chunks([...personIds])) {
    for (const row of await db.selectFrom('memberships').select('household_id').where('person_id', 'in', chunk).execute()) households.add(row.household_id);
  }
  const ids = new Set<number>();
  for (const chunk of chunks([...households])) {
    const rows = await db.selectFrom('persons').innerJoin('memberships', 'memberships.person_id', 'persons.id').select('persons.id')
      .where('persons.status', 'in', MATCHABLE).where('memberships.household_id', 'in', chunk).execute();
    for (const row of rows) ids.add(row.id);
  }
  return ids;
}

/** A candidate from its row: MATCH_VALUE_COLUMNS, then id, household_id and the household's book_no. */
function candidateFromRow(row: readonly unknown[]): RegistryCandidate {
  const n = MATCH_VALUE_COLUMNS.length;
  return { personId: row[n] as number, values: matchValuesFromRow(row, row[n + 2] as string | null), householdId: row[n + 1] as number | null };
}

/** The persons with these ids as candidates (values, household, and who reviewers told apart when asked), by id. */
async function candidatesOf(source: CandidateSource, ids: ReadonlySet<number>, withDecisions: boolean): Promise<RegistryCandidate[]> {
  const candidates: RegistryCandidate[] = [];
  const columns = sql.join([...MATCH_VALUE_COLUMNS, 'id', 'household_id'].map((c) => sql.ref(`p.${c}`)));
  for (const chunk of chunks([...ids])) {
    // Rows as arrays (a 1M registry gives a 100k batch ≈ 3M candidates), and the book number through the
    // households' (id, book_no) index (migration 0008), not their rows.
    const query = sql`SELECT ${columns}, h.book_no FROM persons p
      LEFT JOIN households h INDEXED BY households_book_cover ON h.id = p.household_id
      WHERE p.id IN (${sql.join(chunk)})`.compile(source.db);
    for (const row of await source.readRows(query)) candidates.push(candidateFromRow(row));
  }
  if (withDecisions) await attachDecisions(source.db, candidates);
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
