/**
 * Households for scanned books: the spreadsheet generator's people (scripts/synthetic/people.ts, same name
 * pools, ID rule and pre-2025 Điện Biên communes that data/gazetteer/vn-2025.json codes as legacy units)
 * plus what only a book page shows: other names, passports, the previous residence, the date each member
 * was registered and the officer who signed.
 *
 * @example
 * const [h] = generateScanHouseholds(7, 1);
 * h.members[0].person.relation; // 'Chủ hộ'
 * h.registered;                 // { day: 5, month: 6, year: 2003 }
 */
import { generateHouseholds, REFERENCE_YEAR, type SyntheticHousehold, type SyntheticPerson } from '../synthetic/people.js';
import { NAME_POOLS, HAMLET_NAMES } from '../synthetic/name-pools.js';
import { DIEN_BIEN_COMMUNES } from '../synthetic/dien-bien-units.js';
import { Rng } from '../synthetic/prng.js';

/** A day of the calendar, all parts known. */
export interface DayDate {
  day: number;
  month: number;
  year: number;
}

export interface ScanMember {
  person: SyntheticPerson;
  /** "Họ và tên gọi khác", null for most people. */
  otherName: string | null;
  /** "Hộ chiếu số", null for almost everyone. */
  passport: string | null;
  /** "Nơi thường trú trước khi chuyển đến", null when the member was born into the household. */
  previousAddress: string | null;
  /** The registration date written at the foot of the member page. */
  registered: DayDate;
  officer: string;
}

export interface ScanHousehold {
  /** Index of the household in the set, 0-based. */
  index: number;
  bookNo: string;
  head: string;
  household: SyntheticHousehold;
  /** House number for town addresses ("Số nhà 25"), null in villages. */
  houseNo: string | null;
  registered: DayDate;
  officer: string;
  members: ScanMember[];
}

/** Books were opened from 1988 (Nghị định 4-HĐBT) until paper books stopped in 2023. */
const FIRST_BOOK_YEAR = 1988;
const LAST_BOOK_YEAR = 2021;
/** Household books rarely list more than this many members on their member pages. */
export const MAX_MEMBERS = 9;

/**
 * `count` households of at most `maxMembers` members, each drawn with its own sub-seed so consecutive books come from different communes
 * (the spreadsheet generator keeps a commune's households together; a scan batch mixes them).
 */
export function generateScanHouseholds(seed: number, count: number, maxMembers = MAX_MEMBERS): ScanHousehold[] {
  const rng = new Rng(seed ^ 0x5ca11ed);
  const out: ScanHousehold[] = [];
  const usedBooks = new Set<string>();
  for (let index = 0; index < count; index++) {
    const sub = rng.int(1, 2 ** 31 - 1);
    const [household] = generateHouseholds(sub, Math.max(1, maxMembers));
    if (usedBooks.has(household.bookNo)) {
      index--;
      continue;
    }
    usedBooks.add(household.bookNo);
    out.push(decorate(rng.fork(), index, household));
  }
  return out;
}

function decorate(rng: Rng, index: number, household: SyntheticHousehold): ScanHousehold {
  const head = household.members[0];
  const adultYear = yearOf(head) + 18;
  const opened = dayIn(rng, Math.max(FIRST_BOOK_YEAR, Math.min(adultYear, LAST_BOOK_YEAR)), LAST_BOOK_YEAR);
  const town = household.address.communeType !== 'Xã';
  const officer = officerName(rng);
  const members = household.members.map((person) => member(rng, person, opened, officer, household));
  return {
    index,
    bookNo: household.bookNo,
    head: head.fullName,
    household,
    houseNo: town && rng.chance(0.6) ? String(rng.int(1, 180)) : null,
    registered: opened,
    officer,
    members,
  };
}

function member(rng: Rng, person: SyntheticPerson, opened: DayDate, bookOfficer: string, household: SyntheticHousehold): ScanMember {
  const born = yearOf(person);
  // Founders are registered when the book opens; a child born later is registered after birth.
  const registered = born + 1 > opened.year ? dayIn(rng, Math.min(born + 1, REFERENCE_YEAR), Math.min(born + 3, REFERENCE_YEAR)) : opened;
  const movedIn = person.relation === 'Vợ' || person.relation === 'Chồng' || person.relation === 'Con dâu' ||
    person.relation === 'Con rể' || person.relation === 'Mẹ' || person.relation === 'Bố';
  return {
    person,
    otherName: rng.chance(0.12) ? otherName(rng, person) : null,
    passport: rng.chance(0.04) ? `${rng.pick(['B', 'C', 'N'])}${rng.digits(7)}` : null,
    previousAddress: movedIn && rng.chance(0.7) ? elsewhere(rng, household) : person.relation === 'Chủ hộ' && rng.chance(0.3) ? elsewhere(rng, household) : null,
    registered,
    officer: registered === opened ? bookOfficer : officerName(rng),
  };
}

/** Another given name under the same family name, as people known by a childhood or clan name are. */
function otherName(rng: Rng, p: SyntheticPerson): string {
  const pool = NAME_POOLS[p.ethnicity] ?? NAME_POOLS['Kinh'];
  const given = p.sex === 'M' ? pool.givenMale : pool.givenFemale;
  let g = rng.pick(given);
  while (g === p.given && given.length > 1) g = rng.pick(given);
  return [p.family, p.middle, g].filter((s) => s).join(' ');
}

/** A village in another commune of Điện Biên, written the way the household address is. */
function elsewhere(rng: Rng, household: SyntheticHousehold): string {
  let c = rng.pick(DIEN_BIEN_COMMUNES);
  while (c.communeCode === household.address.communeCode) c = rng.pick(DIEN_BIEN_COMMUNES);
  const hamlet = c.communeType === 'Xã' ? `Bản ${rng.pick(HAMLET_NAMES)}` : `Tổ ${rng.int(1, 20)}`;
  return `${hamlet}, ${c.communeType.toLowerCase()} ${c.commune}, ${c.districtType.toLowerCase()} ${c.district}, tỉnh Điện Biên`;
}

function officerName(rng: Rng): string {
  const pool = NAME_POOLS[rng.weighted([['Kinh', 3], ['Thái', 2]] as const)];
  const male = rng.chance(0.7);
  return [rng.pick(pool.family), rng.pick(male ? pool.middleMale : pool.middleFemale), rng.pick(male ? pool.givenMale : pool.givenFemale)].join(' ');
}

function dayIn(rng: Rng, fromYear: number, toYear: number): DayDate {
  const year = rng.int(Math.min(fromYear, toYear), Math.max(fromYear, toYear));
  const month = rng.int(1, 12);
  return { day: rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate()), month, year };
}

/** Birth year of a generated person (its birth date is ISO with precision: '1968', '1968-03', '1968-03-12'). */
export function yearOf(p: SyntheticPerson): number {
  return Number(p.birthDate.slice(0, 4));
}
