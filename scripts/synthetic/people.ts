/**
 * Seeded synthetic households of Điện Biên: realistic names by ethnic group, household structure
 * (head, spouse, children, sometimes an elder parent, a married son with his wife and grandchildren),
 * personal IDs that follow the rule, old CMND numbers, partial birth dates.
 *
 * @example
 * const households = generateHouseholds(7, 1000);
 * households[0].members[0].relation; // 'Chủ hộ'
 */
import { Rng } from './prng.js';
import { DIEN_BIEN_COMMUNES, type DienBienCommune } from './dien-bien-units.js';
import { NAME_POOLS, HAMLET_NAMES, type NamePool } from './name-pools.js';
import { makePersonalId } from './personal-id.js';

export type Sex = 'M' | 'F';

/** Canonical relations to the head this generator uses. */
export type Relation = 'Chủ hộ' | 'Vợ' | 'Chồng' | 'Con' | 'Con dâu' | 'Con rể' | 'Cháu' | 'Bố' | 'Mẹ';

export interface SyntheticPerson {
  /** Stable identity of the real person (shared by duplicate rows). Example: 'P000042'. */
  key: string;
  fullName: string;
  family: string;
  middle: string | null;
  given: string;
  /** ISO with precision: '1968', '1968-03', '1968-03-12'. */
  birthDate: string;
  sex: Sex;
  /** Common name of the ethnic group. */
  ethnicity: string;
  religion: string;
  personalId: string | null;
  oldId: string | null;
  relation: Relation;
  occupation: string;
  birthplace: string;
  nativePlace: string;
}

export interface SyntheticAddress {
  /** 'Bản Na Ngám', 'Thôn 3', 'Tổ 5', 'Đội 10'. */
  hamlet: string;
  commune: string;
  /** 'Xã' | 'Phường' | 'Thị trấn' */
  communeType: string;
  communeCode: string;
  district: string;
  /** 'Huyện' | 'Thành phố' | 'Thị xã' */
  districtType: string;
  province: 'Điện Biên';
}

export interface SyntheticHousehold {
  bookNo: string;
  address: SyntheticAddress;
  members: SyntheticPerson[];
}

/** Year the books are "typed": ages and ID issuance are relative to it. */
export const REFERENCE_YEAR = 2024;

const HIGHLAND_DISTRICTS = new Set(['Mường Nhé', 'Tủa Chùa', 'Nậm Pồ', 'Điện Biên Đông', 'Mường Chà']);
const MIGRANT_ORIGINS: readonly (readonly [string, string])[] = [
  ['034', 'Thái Bình'], ['036', 'Nam Định'], ['035', 'Hà Nam'], ['037', 'Ninh Bình'], ['033', 'Hưng Yên'],
  ['001', 'Hà Nội'], ['038', 'Thanh Hóa'], ['030', 'Hải Dương'], ['012', 'Lai Châu'], ['014', 'Sơn La'],
];

function ethnicityFor(rng: Rng, commune: DienBienCommune): string {
  if (commune.communeType !== 'Xã')
    return rng.weighted([['Kinh', 55], ['Thái', 35], ['Mông', 6], ['Khơ Mú', 2], ['Lào', 2]]);
  if (HIGHLAND_DISTRICTS.has(commune.district))
    return rng.weighted([['Mông', 60], ['Thái', 18], ['Kinh', 8], ['Khơ Mú', 5], ['Dao', 4], ['Hà Nhì', 3], ['Kháng', 2]]);
  return rng.weighted([['Thái', 48], ['Mông', 22], ['Kinh', 22], ['Khơ Mú', 4], ['Lào', 2], ['Dao', 2]]);
}

/** A few hamlets of one commune: "Tổ 5" in towns, "Bản Na Ngám" and now and then "Thôn 3"/"Đội 10" in communes. */
function hamletsFor(rng: Rng, commune: DienBienCommune): string[] {
  const n = rng.int(2, 5);
  const out = new Set<string>();
  while (out.size < n) {
    if (commune.communeType === 'Phường' || commune.communeType === 'Thị trấn')
      out.add(rng.chance(0.8) ? `Tổ ${rng.int(1, 22)}` : `Tổ dân phố ${rng.int(1, 15)}`);
    else if (rng.chance(0.25)) out.add(rng.chance(0.5) ? `Thôn ${rng.int(1, 12)}` : `Đội ${rng.int(1, 16)}`);
    else out.add(`Bản ${rng.pick(HAMLET_NAMES)}`);
  }
  return [...out];
}

function birthDate(rng: Rng, year: number): string {
  // Old books often hold only the year, more so for people born before 1960.
  const r = rng.next();
  const yearOnly = year < 1960 ? 0.45 : 0.15;
  if (r < yearOnly) return String(year);
  const month = rng.int(1, 12);
  const mm = String(month).padStart(2, '0');
  if (r < yearOnly + 0.07) return `${year}-${mm}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${mm}-${String(rng.int(1, days)).padStart(2, '0')}`;
}

function occupationFor(rng: Rng, year: number, highland: boolean): string {
  const age = REFERENCE_YEAR - year;
  if (age < 6) return 'Trẻ em';
  if (age < 18) return 'Học sinh';
  if (age > 65) return rng.pick(['Già yếu', 'Hưu trí', 'Làm ruộng']);
  return highland
    ? rng.weighted([['Làm nương', 5], ['Làm ruộng', 4], ['Tự do', 1], ['Công nhân', 1]])
    : rng.weighted([['Làm ruộng', 5], ['Nông nghiệp', 2], ['Công nhân', 1], ['Buôn bán', 1], ['Cán bộ', 1], ['Giáo viên', 1], ['Lao động tự do', 1], ['Nội trợ', 1]]);
}

interface PersonSeed {
  sex: Sex;
  year: number;
  relation: Relation;
  family: string;
  ethnicity: string;
  /** Migrant origin [id prefix, province] for people born outside Điện Biên. */
  origin: readonly [string, string] | null;
}

class HouseholdFactory {
  private personCounter = 0;
  private readonly usedBooks = new Set<string>();
  private readonly usedIds = new Set<string>();

  constructor(private readonly rng: Rng) {}

  bookNo(): string {
    for (;;) {
      const len = this.rng.weighted([[6, 2], [7, 2], [8, 3], [9, 3]] as const);
      const no = String(this.rng.int(1, 9)) + this.rng.digits(len - 1);
      if (!this.usedBooks.has(no)) {
        this.usedBooks.add(no);
        return no;
      }
    }
  }

  person(seed: PersonSeed, pool: NamePool, commune: DienBienCommune, highland: boolean): SyntheticPerson {
    const rng = this.rng;
    const middle = seed.sex === 'M' ? rng.pick(pool.middleMale) : rng.pick(pool.middleFemale);
    const given = seed.sex === 'M' ? rng.pick(pool.givenMale) : rng.pick(pool.givenFemale);
    const age = REFERENCE_YEAR - seed.year;
    const prefix = seed.origin ? seed.origin[0] : '011';
    let personalId: string | null = null;
    // ~15% have no personal ID yet: more among the old and the very young.
    if (!rng.chance(age > 70 || age < 3 ? 0.35 : 0.12)) {
      for (;;) {
        const id = makePersonalId(prefix, seed.sex, seed.year, rng.digits(6));
        if (!this.usedIds.has(id)) {
          this.usedIds.add(id);
          personalId = id;
          break;
        }
      }
    }
    // CMND numbers of Lai Châu/Điện Biên start with 04; adults before the 2016 switch had one.
    const oldId = age >= 22 && rng.chance(0.3) ? `04${rng.int(0, 1)}${rng.digits(6)}` : null;
    const here = `${commune.communeType} ${commune.commune}, ${commune.district}, Điện Biên`;
    const birthplace = seed.origin ? seed.origin[1] : rng.chance(0.5) ? here : 'Điện Biên';
    const nativePlace = seed.origin ? seed.origin[1] : rng.chance(0.6) ? `${commune.commune}, ${commune.district}, Điện Biên` : 'Điện Biên';
    const religion =
      seed.ethnicity === 'Mông' && rng.chance(0.3) ? 'Tin lành' : seed.ethnicity === 'Kinh' && rng.chance(0.1) ? rng.pick(['Phật giáo', 'Công giáo']) : 'Không';
    return {
      key: `P${String(++this.personCounter).padStart(6, '0')}`,
      fullName: [seed.family, middle, given].join(' '),
      family: seed.family,
      middle,
      given,
      birthDate: birthDate(rng, seed.year),
      sex: seed.sex,
      ethnicity: seed.ethnicity,
      religion,
      personalId,
      oldId,
      relation: seed.relation,
      occupation: occupationFor(rng, seed.year, highland),
      birthplace,
      nativePlace,
    };
  }

  household(commune: DienBienCommune, hamlets: readonly string[], maxSize: number): SyntheticHousehold {
    const rng = this.rng;
    const ethnicity = ethnicityFor(rng, commune);
    const pool = NAME_POOLS[ethnicity];
    const highland = HIGHLAND_DISTRICTS.has(commune.district);
    const origin = ethnicity === 'Kinh' && rng.chance(0.5) ? rng.pick(MIGRANT_ORIGINS) : null;
    const headSex: Sex = rng.chance(0.85) ? 'M' : 'F';
    const headYear = rng.int(REFERENCE_YEAR - 80, REFERENCE_YEAR - 22);
    const family = rng.pick(pool.family);
    const seeds: PersonSeed[] = [{ sex: headSex, year: headYear, relation: 'Chủ hộ', family, ethnicity, origin }];
    const spouseSex: Sex = headSex === 'M' ? 'F' : 'M';
    if (rng.chance(headSex === 'M' ? 0.88 : 0.3)) {
      // Mông marry outside their clan; other wives keep their own family name too.
      let spouseFamily = rng.pick(pool.family);
      while (ethnicity === 'Mông' && spouseFamily === family) spouseFamily = rng.pick(pool.family);
      seeds.push({
        sex: spouseSex,
        year: Math.min(REFERENCE_YEAR - 18, headYear + rng.int(-3, 6)),
        relation: headSex === 'M' ? 'Vợ' : 'Chồng',
        family: spouseFamily,
        ethnicity,
        origin: origin && rng.chance(0.5) ? origin : null,
      });
    }
    const childFamily = headSex === 'M' || seeds.length === 1 ? family : seeds[1].family;
    const maxChildren = ethnicity === 'Mông' ? 7 : 4;
    const nChildren = rng.int(0, maxChildren);
    let year = headYear + rng.int(19, 28);
    for (let i = 0; i < nChildren; i++, year += rng.int(1, 3)) {
      if (year > REFERENCE_YEAR) break;
      seeds.push({ sex: rng.chance(0.5) ? 'M' : 'F', year, relation: 'Con', family: childFamily, ethnicity, origin: null });
    }
    const eldest = seeds.find((s) => s.relation === 'Con' && s.sex === 'M' && REFERENCE_YEAR - s.year >= 20);
    if (eldest && rng.chance(0.35)) {
      seeds.push({ sex: 'F', year: eldest.year + rng.int(-2, 4), relation: 'Con dâu', family: rng.pick(pool.family), ethnicity, origin: null });
      const n = rng.int(0, 3);
      for (let i = 0; i < n; i++) {
        const year = eldest.year + rng.int(19, 26) + i * 2;
        if (year <= REFERENCE_YEAR)
          seeds.push({ sex: rng.chance(0.5) ? 'M' : 'F', year, relation: 'Cháu', family: eldest.family, ethnicity, origin: null });
      }
    }
    if (headYear > REFERENCE_YEAR - 60 && rng.chance(0.15)) {
      const sex: Sex = rng.chance(0.7) ? 'F' : 'M';
      seeds.push({ sex, year: headYear - rng.int(20, 32), relation: sex === 'F' ? 'Mẹ' : 'Bố', family: sex === 'M' ? family : rng.pick(pool.family), ethnicity, origin });
    }
    const members = seeds.slice(0, Math.max(1, maxSize)).map((s) => this.person(s, pool, commune, highland));
    return {
      bookNo: this.bookNo(),
      address: {
        hamlet: rng.pick(hamlets),
        commune: commune.commune,
        communeType: commune.communeType,
        communeCode: commune.communeCode,
        district: commune.district,
        districtType: commune.districtType,
        province: 'Điện Biên',
      },
      members,
    };
  }
}

/**
 * Households totalling exactly `personCount` members, spread over the communes of Điện Biên
 * (consecutive households share a commune, as in a commune's list).
 */
export function generateHouseholds(seed: number, personCount: number): SyntheticHousehold[] {
  const rng = new Rng(seed);
  const factory = new HouseholdFactory(rng);
  const households: SyntheticHousehold[] = [];
  let remaining = personCount;
  let commune = rng.pick(DIEN_BIEN_COMMUNES);
  let hamlets = hamletsFor(rng, commune);
  let leftInCommune = rng.int(30, 400);
  while (remaining > 0) {
    if (leftInCommune <= 0) {
      commune = rng.pick(DIEN_BIEN_COMMUNES);
      hamlets = hamletsFor(rng, commune);
      leftInCommune = rng.int(30, 400);
    }
    const h = factory.household(commune, hamlets, remaining);
    households.push(h);
    remaining -= h.members.length;
    leftInCommune -= h.members.length;
  }
  return households;
}
