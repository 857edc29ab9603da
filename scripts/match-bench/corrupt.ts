/**
 * The ways two books write the same person differently, as small seeded functions over a bench row. Each returns
 * the changed row, or null when it does not apply (a name without an open oa/oe/uy syllable has no other tone
 * placement), so the generator can tell which corruptions a duplicate really carries.
 *
 * @example
 * const rng = new Rng(7);
 * dropDiacritics(row).fullName;        // 'Lo Van Panh'
 * otherTonePlacement({ ...row, fullName: 'Nguyễn Thị Hòa' })?.fullName; // 'Nguyễn Thị Hoà'
 * swapDayMonth({ ...row, birthDate: '1968-03-12' })?.birthDate; // '1968-12-03'
 */
import type { Rng } from '../synthetic/prng.js';
import type { BenchRow } from './bench-row.js';

/** Vietnamese without its diacritics, as typed on a keyboard without a Vietnamese input method. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Name (and, half the time in books, the address) typed without diacritics. */
export function dropDiacritics(row: BenchRow): BenchRow {
  return { ...row, fullName: stripDiacritics(row.fullName), otherName: row.otherName && stripDiacritics(row.otherName) };
}

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/**
 * Moves the tone mark of an open oa/oe/uy syllable between the two placements offices use: hòa ⇄ hoà,
 * thủy ⇄ thuỷ, khỏe ⇄ khoẻ. Null when no syllable of the name has two placements.
 */
export function otherTonePlacement(row: BenchRow): BenchRow | null {
  let changed = false;
  const words = row.fullName.split(' ').map((word) => {
    const d = word.normalize('NFD');
    const tone = [...d].find((c) => TONES.includes(c));
    if (!tone) return word;
    const bare = d.replace(tone, '');
    // Only a syllable ending in the glide pair itself (no final consonant, not qu-) has two accepted placements.
    const m = /([oO][aAeE]|[uU][yY])$/.exec(bare);
    const head = m ? bare.slice(0, m.index) : '';
    if (!m || /[qQ]$/.test(head)) return word;
    const [first, second] = m[1];
    const onFirst = d.indexOf(tone) === m.index + 1;
    changed = true;
    return (onFirst ? head + first + second + tone : head + first + tone + second).normalize('NFC');
  });
  return changed ? { ...row, fullName: words.join(' ') } : null;
}

const NEAR_KEYS: Readonly<Record<string, string>> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', g: 'fh', h: 'gj', i: 'uo', k: 'jl', l: 'k', m: 'n', n: 'bm',
  o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', x: 'zc', y: 'tu',
};

/**
 * One slip of the hand in one syllable of the name: a neighbouring key, a letter left out, two letters swapped or
 * one doubled. Never touches the first letter of the family name (clerks rarely get that wrong).
 */
export function typo(row: BenchRow, rng: Rng): BenchRow {
  const words = row.fullName.split(' ');
  const w = rng.int(words.length > 1 ? 1 : 0, words.length - 1);
  const chars = [...words[w]];
  if (chars.length < 2) {
    chars.push(chars[0]);
  } else {
    const i = rng.int(1, chars.length - 1);
    const kind = rng.int(0, 3);
    const lower = chars[i].toLowerCase();
    if (kind === 0 && NEAR_KEYS[lower]) chars[i] = rng.pick([...NEAR_KEYS[lower]]);
    else if (kind === 1 && chars.length > 2) chars.splice(i, 1);
    else if (kind === 2) [chars[i - 1], chars[i]] = [chars[i], chars[i - 1]];
    else chars.splice(i, 0, chars[i]);
  }
  words[w] = chars.join('');
  return { ...row, fullName: words.join(' ') };
}

/** NGUYỄN VĂN HÙNG: some books keep names in capitals. */
export function upperCaseName(row: BenchRow): BenchRow {
  return { ...row, fullName: row.fullName.toUpperCase() };
}

/** Day and month read the other way round (12/03 ⇄ 03/12); null unless both readings are real dates and differ. */
export function swapDayMonth(row: BenchRow): BenchRow | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(row.birthDate);
  if (!m || m[2] === m[3] || Number(m[3]) > 12) return null;
  return { ...row, birthDate: `${m[1]}-${m[3]}-${m[2]}` };
}

/** Only the birth year kept (older books); null when the date is already a year. */
export function yearOnly(row: BenchRow): BenchRow | null {
  return row.birthDate.length > 4 ? { ...row, birthDate: row.birthDate.slice(0, 4) } : null;
}

/** Personal ID and CMND left blank (not yet issued when the book was written, or not copied). */
export function dropIds(row: BenchRow): BenchRow | null {
  return row.personalId || row.oldId ? { ...row, personalId: null, oldId: null } : null;
}

/** One digit of the serial part of the personal ID mistyped: the ID stays well-formed but differs. */
export function personalIdTypo(row: BenchRow, rng: Rng): BenchRow | null {
  if (!row.personalId) return null;
  const i = rng.int(6, 11);
  const digit = (Number(row.personalId[i]) + rng.int(1, 9)) % 10;
  return { ...row, personalId: row.personalId.slice(0, i) + digit + row.personalId.slice(i + 1) };
}

/**
 * The person written under the other name (tên gọi khác): the name the registry has becomes the other name and the
 * alias the full name. When the registry knows no alias, one is made from the family name and a new given name.
 */
export function writtenUnderOtherName(row: BenchRow, rng: Rng, givenNames: readonly string[]): BenchRow {
  const alias = row.otherName ?? `${row.fullName.split(' ')[0]} ${rng.pick(givenNames.filter((g) => !row.fullName.endsWith(` ${g}`)))}`;
  return { ...row, fullName: alias, otherName: row.fullName };
}

const SURNAME_VARIANTS: Readonly<Record<string, string>> = { Hoàng: 'Huỳnh', Huỳnh: 'Hoàng', Vũ: 'Võ', Võ: 'Vũ' };

/** Hoàng ⇄ Huỳnh, Vũ ⇄ Võ: the same family name in northern and southern usage. Null for other family names. */
export function surnameVariant(row: BenchRow): BenchRow | null {
  const [family, ...rest] = row.fullName.split(' ');
  const other = SURNAME_VARIANTS[family];
  return other ? { ...row, fullName: [other, ...rest].join(' ') } : null;
}

/** Registered in another household: another book number, address and relation to the head. */
export function moveHousehold(row: BenchRow, bookNo: string, address: string, relation: string): BenchRow {
  return { ...row, bookNo, address, relation };
}
