/**
 * The incoming batch of the match bench: households copied from the registry with the differences books have
 * (each row says which corruptions it carries), and new households, some of whose people share a registry
 * person's name and birth year (the hard negatives a matcher must not merge).
 *
 * @example
 * const dup = duplicateHousehold(rng, registryHousehold, ids);
 * dup.corruptions[0]; // ['tone_placement', 'ids_dropped']
 */
import type { Rng } from '../synthetic/prng.js';
import { generateHouseholds } from '../synthetic/people.js';
import { DIEN_BIEN_COMMUNES } from '../synthetic/dien-bien-units.js';
import { HAMLET_NAMES, NAME_POOLS } from '../synthetic/name-pools.js';
import type { BenchRow } from './bench-row.js';
import * as c from './corrupt.js';
import { addressText, distinctNames, personRow, type BenchHousehold, type IdentifierPool } from './registry-source.js';

/** Which kind of incoming row: a copy of a registry person, a new person, or a new person named like one. */
export type IncomingKind = 'duplicate' | 'new' | 'namesake';

export interface IncomingHousehold extends BenchHousehold {
  kinds: IncomingKind[];
  corruptions: string[][];
}

/** How often each difference is applied to a duplicate (where it applies). */
export const CORRUPTION_RATES = {
  other_name: 0.05,
  surname_variant: 0.5,
  tone_placement: 0.5,
  typo: 0.15,
  diacritics_dropped: 0.2,
  upper_case: 0.08,
  day_month_swapped: 0.1,
  year_only: 0.12,
  ids_dropped: 0.5,
  personal_id_typo: 0.03,
  moved: 0.3,
} as const;

/** A hamlet and commune of Điện Biên other than the household's, as a moved family would be written. */
function otherAddress(rng: Rng): string {
  const commune = rng.pick(DIEN_BIEN_COMMUNES);
  const hamlet = commune.communeType === 'Xã' ? `Bản ${rng.pick(HAMLET_NAMES)}` : `Tổ ${rng.int(1, 22)}`;
  return addressText({ ...commune, hamlet });
}

/** One registry row as another book writes it, with the names of the differences applied. */
export function corruptRow(rng: Rng, source: BenchRow): { row: BenchRow; corruptions: string[] } {
  let row = source;
  const applied: string[] = [];
  const step = (name: keyof typeof CORRUPTION_RATES, f: (r: BenchRow) => BenchRow | null) => {
    if (!rng.chance(CORRUPTION_RATES[name])) return;
    const next = f(row);
    if (next) {
      row = next;
      applied.push(name);
    }
  };
  const pool = NAME_POOLS[row.ethnicity] ?? NAME_POOLS.Kinh;
  step('other_name', (r) => c.writtenUnderOtherName(r, rng, r.sex === 'M' ? pool.givenMale : pool.givenFemale));
  step('surname_variant', c.surnameVariant);
  step('tone_placement', c.otherTonePlacement);
  step('typo', (r) => c.typo(r, rng));
  step('diacritics_dropped', c.dropDiacritics);
  step('upper_case', c.upperCaseName);
  step('day_month_swapped', c.swapDayMonth);
  step('year_only', c.yearOnly);
  step('ids_dropped', c.dropIds);
  step('personal_id_typo', (r) => c.personalIdTypo(r, rng));
  return { row, corruptions: applied };
}

/**
 * A registry household written again in another book: all its members or some of them, each with its own
 * differences; 30% moved (another book number and address; the first member listed becomes the head).
 */
export function duplicateHousehold(rng: Rng, h: BenchHousehold, ids: IdentifierPool): IncomingHousehold {
  let picked = h.rows.map((_, i) => i);
  if (h.rows.length > 1 && rng.chance(0.4)) picked = picked.filter(() => rng.chance(0.6));
  if (picked.length === 0) picked = [rng.int(0, h.rows.length - 1)];
  const moved = rng.chance(CORRUPTION_RATES.moved);
  const bookNo = moved ? ids.bookNo(null) : h.bookNo;
  const address = moved ? otherAddress(rng) : h.address;
  const out: IncomingHousehold = { bookNo, address, rows: [], entities: [], kinds: [], corruptions: [] };
  for (const [n, i] of picked.entries()) {
    const { row, corruptions } = corruptRow(rng, h.rows[i]);
    const relation = moved && n === 0 ? 'Chủ hộ' : row.relation;
    out.rows.push(moved ? c.moveHousehold(row, bookNo, address, relation) : row);
    out.entities.push(h.entities[i]);
    out.kinds.push('duplicate');
    out.corruptions.push(moved ? [...corruptions, 'moved'] : corruptions);
  }
  return out;
}

/** What a hard negative borrows from a registry person. */
export interface NamesakeSource {
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F';
  ethnicity: string;
}

/**
 * `count` new people in new households; `namesakeShare` of them take the name, sex, ethnicity and birth year of a
 * registry person (a tenth of those the full birth date too), with their own ID, book and address.
 */
export function newHouseholds(
  rng: Rng, seed: number, count: number, ids: IdentifierPool, namesakes: readonly NamesakeSource[], namesakeShare: number,
): IncomingHousehold[] {
  const out: IncomingHousehold[] = [];
  for (const h of generateHouseholds(seed, count)) {
    const bookNo = ids.bookNo(h.bookNo);
    const hh: IncomingHousehold = { bookNo, address: addressText(h.address), rows: [], entities: [], kinds: [], corruptions: [] };
    for (const p of h.members) {
      let row = personRow(p, h, bookNo, ids, rng, 0.04);
      let kind: IncomingKind = 'new';
      if (namesakes.length > 0 && rng.chance(namesakeShare)) {
        const s = rng.pick(namesakes);
        const year = Number(s.birthDate.slice(0, 4));
        const sameDate = rng.chance(0.1);
        const birthDate = sameDate ? s.birthDate : `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        row = { ...row, fullName: s.fullName, sex: s.sex, ethnicity: s.ethnicity, birthDate, personalId: row.personalId && ids.newPersonalId(s.sex, year), otherName: null };
        kind = 'namesake';
      }
      hh.rows.push(row);
      hh.entities.push(`N.${p.key}`);
      hh.kinds.push(kind);
      hh.corruptions.push([]);
    }
    out.push({ ...hh, rows: distinctNames(hh.rows, rng) });
  }
  return out;
}
