import type { Kysely } from 'kysely';
import type { HouseholdTable, PersonTable, RegistrySchema } from './schema.js';

export interface SourceRef {
  file: string;
  sheet: string | null;
  row: number | null;
  page: number | null;
}

/** One line of `hokhau export persons`: the person's values, household, status and every source merged into it. */
export type PersonExport = Omit<
  PersonTable,
  'name_key' | 'name_fold' | 'given_fold' | 'birth_year' | 'merged_into_id' | 'created_run_id' | 'updated_run_id'
> & {
  household_book_no: string | null;
  sources: SourceRef[];
};

/** One line of `hokhau export households`: book number, head, address with its codes, member ids. */
export type HouseholdExport = Omit<HouseholdTable, 'source_key' | 'created_run_id'> & {
  head_name: string | null;
  member_ids: number[];
};

const PAGE = 5000;

/**
 * Every registry person with the sources merged into it, in id order, a page at a time (bounded memory).
 *
 * @example
 * for await (const person of exportPersons(db)) out.write(JSON.stringify(person) + '\n');
 */
export async function* exportPersons(db: Kysely<RegistrySchema>): AsyncGenerator<PersonExport> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('persons')
      .leftJoin('households', 'households.id', 'persons.household_id')
      .selectAll('persons')
      .select('households.book_no as household_book_no')
      .where('persons.id', '>', after)
      .where('persons.status', '!=', 'merged')
      .orderBy('persons.id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    const sources = await sourcesOf(db, rows[0].id, rows[rows.length - 1].id);
    for (const row of rows) {
      const { name_key: _k, name_fold: _f, given_fold: _g, birth_year: _y, merged_into_id: _m, created_run_id: _c, updated_run_id: _u, ...person } = row;
      yield { ...person, sources: sources.get(person.id) ?? [] };
    }
    after = rows[rows.length - 1].id;
  }
}

async function sourcesOf(db: Kysely<RegistrySchema>, fromId: number, toId: number): Promise<Map<number, SourceRef[]>> {
  const rows = await db
    .selectFrom('source_records')
    .select(['person_id', 'file_name', 'sheet', 'row_no', 'page'])
    .where('person_id', '>=', fromId)
    .where('person_id', '<=', toId)
    .orderBy('id')
    .execute();
  const byPerson = new Map<number, SourceRef[]>();
  for (const row of rows) {
    const list = byPerson.get(row.person_id!) ?? [];
    list.push({ file: row.file_name, sheet: row.sheet, row: row.row_no, page: row.page });
    byPerson.set(row.person_id!, list);
  }
  return byPerson;
}

/**
 * Every household with its head and member ids, in id order, a page at a time.
 *
 * @example
 * for await (const household of exportHouseholds(db)) console.log(household.book_no, household.member_ids.length);
 */
export async function* exportHouseholds(db: Kysely<RegistrySchema>): AsyncGenerator<HouseholdExport> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('households')
      .leftJoin('persons as head', 'head.id', 'households.head_person_id')
      .selectAll('households')
      .select('head.full_name as head_name')
      .where('households.id', '>', after)
      .orderBy('households.id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    const members = await db
      .selectFrom('memberships')
      .select(['household_id', 'person_id'])
      .where('household_id', '>=', rows[0].id)
      .where('household_id', '<=', rows[rows.length - 1].id)
      .orderBy('person_id')
      .execute();
    const byHousehold = new Map<number, number[]>();
    for (const m of members) {
      const list = byHousehold.get(m.household_id) ?? [];
      list.push(m.person_id);
      byHousehold.set(m.household_id, list);
    }
    for (const { source_key: _key, created_run_id: _run, ...household } of rows) {
      yield { ...household, member_ids: byHousehold.get(household.id) ?? [] };
    }
    after = rows[rows.length - 1].id;
  }
}
