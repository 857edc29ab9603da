/**
 * The registry side of the match bench: synthetic households generated a chunk at a time (bounded memory at 1M
 * persons), made unique across chunks (personal ID, CMND, book number), and turned into bench rows. Keeps one
 * global set of every identifier so the incoming batch never reuses one by accident (an accidental shared ID
 * would be a "duplicate" the truth does not know about).
 *
 * @example
 * const ids = new IdentifierPool(new Rng(7));
 * for (const h of registryHouseholds(7, 50_000, ids)) console.log(h.bookNo, h.rows.length);
 */
import { Rng } from '../synthetic/prng.js';
import { generateHouseholds, type SyntheticAddress, type SyntheticHousehold, type SyntheticPerson } from '../synthetic/people.js';
import { NAME_POOLS } from '../synthetic/name-pools.js';
import { makePersonalId } from '../synthetic/personal-id.js';
import type { BenchRow } from './bench-row.js';

/** A household of the bench with its rows and the identity (entity key) of each row. */
export interface BenchHousehold {
  bookNo: string;
  address: string;
  rows: BenchRow[];
  entities: string[];
}

const CHUNK = 50_000;

/** 'Bản Na Ngám, xã Mường Phăng, thành phố Điện Biên Phủ, tỉnh Điện Biên'. */
export function addressText(a: Pick<SyntheticAddress, 'hamlet' | 'commune' | 'communeType' | 'district' | 'districtType'>): string {
  return `${a.hamlet}, ${a.communeType.toLowerCase()} ${a.commune}, ${a.districtType.toLowerCase()} ${a.district}, tỉnh Điện Biên`;
}

/** Every personal ID, CMND and book number handed out so far; a clash is redrawn, keeping the ID's rule. */
export class IdentifierPool {
  private readonly personalIds = new Set<string>();
  private readonly oldIds = new Set<string>();
  private readonly books = new Set<string>();

  constructor(private readonly rng: Rng) {}

  personalId(id: string | null): string | null {
    if (id === null) return null;
    let out = id;
    while (this.personalIds.has(out)) out = out.slice(0, 6) + this.rng.digits(6);
    this.personalIds.add(out);
    return out;
  }

  /** A fresh personal ID that follows the rule for this sex and birth year. */
  newPersonalId(sex: 'M' | 'F', year: number): string {
    return this.personalId(makePersonalId('011', sex, year, this.rng.digits(6)))!;
  }

  oldId(id: string | null): string | null {
    if (id === null) return null;
    let out = id;
    while (this.oldIds.has(out)) out = `04${this.rng.int(0, 1)}${this.rng.digits(6)}`;
    this.oldIds.add(out);
    return out;
  }

  bookNo(no: string | null): string {
    let out = no ?? String(this.rng.int(1, 9)) + this.rng.digits(7);
    while (this.books.has(out)) out = String(this.rng.int(1, 9)) + this.rng.digits(7);
    this.books.add(out);
    return out;
  }
}

/** A person of a synthetic household as the bench writes them; `aliasShare` of them get a tên gọi khác. */
export function personRow(p: SyntheticPerson, h: SyntheticHousehold, bookNo: string, ids: IdentifierPool, rng: Rng, aliasShare: number): BenchRow {
  const pool = NAME_POOLS[p.ethnicity];
  const givens = p.sex === 'M' ? pool.givenMale : pool.givenFemale;
  const alias = rng.chance(aliasShare) ? `${p.family} ${rng.pick(givens.filter((g) => g !== p.given))}` : null;
  return {
    fullName: p.fullName,
    birthDate: p.birthDate,
    sex: p.sex,
    ethnicity: p.ethnicity,
    personalId: ids.personalId(p.personalId),
    oldId: ids.oldId(p.oldId),
    bookNo,
    relation: p.relation,
    address: addressText(h.address),
    otherName: alias,
  };
}

/**
 * Parents do not give two children the same name, but the synthetic generator can: a later member whose full name
 * repeats an earlier one's gets another given name of the pool, so the truth holds no indistinguishable twins.
 */
export function distinctNames(rows: BenchRow[], rng: Rng): BenchRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    let out = row;
    const pool = NAME_POOLS[row.ethnicity] ?? NAME_POOLS.Kinh;
    for (let tries = 0; seen.has(out.fullName) && tries < 20; tries++) {
      const words = row.fullName.split(' ');
      words[words.length - 1] = rng.pick(row.sex === 'M' ? pool.givenMale : pool.givenFemale);
      out = { ...row, fullName: words.join(' ') };
    }
    seen.add(out.fullName);
    return out;
  });
}

/**
 * The registry's households, `persons` members in all, a chunk of synthetic households at a time.
 * Entity keys are 'R<chunk>.<key>'.
 */
export function* registryHouseholds(seed: number, persons: number, ids: IdentifierPool): Generator<BenchHousehold> {
  const rng = new Rng(seed ^ 0x5bd1e995);
  for (let chunk = 0, done = 0; done < persons; chunk++) {
    const n = Math.min(CHUNK, persons - done);
    for (const h of generateHouseholds(seed * 7919 + chunk, n)) {
      const bookNo = ids.bookNo(h.bookNo);
      yield {
        bookNo,
        address: addressText(h.address),
        rows: distinctNames(h.members.map((p) => personRow(p, h, bookNo, ids, rng, 0.04)), rng),
        entities: h.members.map((p) => `R${chunk}.${p.key}`),
      };
    }
    done += n;
  }
}
