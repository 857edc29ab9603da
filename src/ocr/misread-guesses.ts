import type { RawField, SourceRecord } from '../ingest/source-record.js';
import type { Issue } from '../normalize/issue.js';
import { boundedEditDistance } from '../normalize/address/edit-distance.js';
import { LOW_CONFIDENCE } from '../normalize/normalize-record.js';
import { normalizeRelation } from '../normalize/relation.js';
import { normalizeSex } from '../normalize/sex.js';
import { foldKey, toneKey } from '../normalize/vietnamese-text.js';
import type { BookFamilyNames } from './book-family-names.js';
import { guessDigitMisreads } from './digit-misreads.js';
import { snapPlaceNames, type PlaceNameIndex } from './place-snap.js';
import { snapToVocabulary } from './vocabulary-snap.js';

/**
 * What a scanned page most likely says where OCR read something impossible: the nearest value of a closed
 * list (Mam → Nam), digits a flagged "1" turned into "7" (year 7963, ID prefix 071), the nearest gazetteer
 * name (Túa Chùa → Tủa Chùa). A guess replaces the reading in the record and always goes to a reviewer, with
 * what was read: it makes the value right more often, never makes it trusted.
 */

type Raw = SourceRecord['raw'];

export interface MisreadGuess {
  field: RawField;
  /** The entry as post-corrected OCR gave it ('' when nothing was read). */
  read: string;
  guess: string;
  /**
   * Where the guess comes from: the nearest allowed value or name; for an unreadable sex, the ID's sex digit,
   * the relation (Vợ, Con trai) or the middle name (Thị, Văn); for the book number, the file or folder name.
   */
  from: 'nearest' | 'personal_id' | 'relation' | 'middle_name' | 'file_name' | 'book_family';
}

const FEMALE_RELATIONS = new Set(['Vợ', 'Mẹ', 'Con gái', 'Con dâu', 'Chị', 'Chị gái', 'Em gái', 'Chị dâu', 'Em dâu', 'Bà', 'Bà nội', 'Bà ngoại', 'Mẹ vợ', 'Mẹ chồng', 'Mẹ nuôi', 'Mẹ kế', 'Cô', 'Dì', 'Thím', 'Mợ', 'Cháu dâu']);
const MALE_RELATIONS = new Set(['Chồng', 'Bố', 'Con trai', 'Con rể', 'Anh', 'Anh trai', 'Em trai', 'Anh rể', 'Em rể', 'Ông', 'Ông nội', 'Ông ngoại', 'Bố vợ', 'Bố chồng', 'Bố nuôi', 'Bố dượng', 'Chú', 'Bác', 'Cậu', 'Dượng', 'Cháu rể']);

const VOCABULARY_FIELDS: readonly RawField[] = ['sex', 'nationality', 'ethnicity', 'relation_to_head', 'religion', 'occupation'];
const PLACE_FIELDS: readonly RawField[] = ['birthplace', 'native_place', 'address'];
/** An address printed in labelled parts, smallest first: read together, each part is looked for in the next. */
const UNIT_FIELDS: readonly RawField[] = ['commune', 'district', 'province'];

interface GuessContext {
  today: Date;
  places: PlaceNameIndex;
  /** A book number in the file or folder name that differs from the one read on the page. */
  bookInName?: string | null;
  /** The run's province (code and name): where most IDs are registered and most places are. */
  provinceCode?: string | null;
  provinceName?: string | null;
  /** The family names the book's other members were read with, and the record's per-field OCR confidence. */
  bookFamilyNames?: BookFamilyNames | null;
  confidence?: SourceRecord['confidence'];
}

/** The record being guessed: its values so far, and each guess made. */
class Guessing {
  readonly raw: Raw;
  readonly guesses: MisreadGuess[] = [];
  constructor(raw: Raw) {
    this.raw = { ...raw };
  }
  /** The field's text, null when blank. */
  text(field: RawField): string | null {
    const value = this.raw[field];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  }
  replace(field: RawField, guess: string | null, from: MisreadGuess['from'] = 'nearest'): void {
    const read = this.text(field) ?? '';
    if (guess === null || guess === read) return;
    this.raw[field] = guess;
    this.guesses.push({ field, read, guess, from });
  }
}

/**
 * @example
 * guessMisreads({ sex: 'Mam', birth_date: '7963' }, { today, places });
 * // { raw: { sex: 'Nam', birth_date: '1963' }, guesses: [{ field: 'sex', read: 'Mam', guess: 'Nam', from: 'nearest' }, …] }
 */
export function guessMisreads(raw: Raw, context: GuessContext): { raw: Raw; guesses: MisreadGuess[] } {
  const g = new Guessing(raw);
  for (const field of VOCABULARY_FIELDS) {
    const read = g.text(field);
    if (read !== null) g.replace(field, snapToVocabulary(field, read));
  }
  guessDigits(g, context);
  guessUnreadableSex(g);
  const book = g.text('household_book_no');
  if (book !== null && context.bookInName && sameButMisreadDigits(book.replace(/\D/g, ''), context.bookInName)) {
    g.replace('household_book_no', context.bookInName, 'file_name');
  }
  guessPlaces(g, context);
  g.replace('hamlet', hamletUnitGuess(g.text('hamlet')));
  guessFamilyNames(g, context);
  return { raw: g.raw, guesses: g.guesses };
}

/** Birth date and personal ID (with the sex its digit gives when the page's own is unreadable). */
function guessDigits(g: Guessing, context: GuessContext): void {
  const sexRead = g.text('sex');
  const sex = sexRead === null ? null : normalizeSex(sexRead).value;
  // Editions that print "CMND số" hold either number under it (id_any): the 12-digit one is the personal ID.
  const idField: RawField = g.text('personal_id') !== null ? 'personal_id' : 'id_any';
  const digits = guessDigitMisreads({ birthDate: g.text('birth_date'), personalId: g.text(idField), sex }, context.today, context.provinceCode ?? null);
  g.replace('birth_date', digits.birthDate);
  g.replace(idField, digits.personalId);
  if (digits.sex !== null) g.replace('sex', digits.sex === 'M' ? 'Nam' : 'Nữ', 'personal_id');
}

/** A sex still unreadable: from the relation (Vợ, Con trai), else the middle name (Thị, Văn). */
function guessUnreadableSex(g: Guessing): void {
  if (normalizeSex(g.text('sex') ?? '').value !== null) return;
  const relation = normalizeRelation(g.text('relation_to_head') ?? '').value;
  const middle = (g.text('full_name') ?? '').split(/\s+/).slice(1, -1).map((w) => toneKey(w));
  if (relation !== null && FEMALE_RELATIONS.has(relation)) g.replace('sex', 'Nữ', 'relation');
  else if (relation !== null && MALE_RELATIONS.has(relation)) g.replace('sex', 'Nam', 'relation');
  else if (middle.includes('thị')) g.replace('sex', 'Nữ', 'middle_name');
  else if (middle.includes('văn')) g.replace('sex', 'Nam', 'middle_name');
}

function guessPlaces(g: Guessing, context: GuessContext): void {
  const home = context.provinceName ?? null;
  for (const field of PLACE_FIELDS) {
    const read = g.text(field);
    if (read !== null) g.replace(field, snapPlaceNames(read, context.places, home));
  }
  const units = UNIT_FIELDS.filter((f) => g.text(f) !== null && !g.text(f)!.includes(','));
  if (units.length === 0) return;
  const snapped = snapPlaceNames(units.map((f) => g.text(f)).join(', '), context.places, home)?.split(', ');
  if (snapped?.length === units.length) units.forEach((f, i) => g.replace(f, snapped[i]));
}

/** A name read unsure whose family name is a mark or a letter from the one the book's other members have. */
function guessFamilyNames(g: Guessing, { bookFamilyNames, confidence }: GuessContext): void {
  if (!bookFamilyNames) return;
  for (const field of ['full_name', 'other_name'] as const) {
    if ((confidence?.[field] ?? 1) >= LOW_CONFIDENCE) continue;
    g.replace(field, bookFamilyNames.guess(g.text(field) ?? undefined), 'book_family');
  }
}

/** The unit words a hamlet entry starts with ("Bản Na Ngám", "Tổ 13"), as books spell them. */
const HAMLET_UNITS: readonly string[] = ['Bản', 'Thôn', 'Tổ', 'Xóm', 'Khối', 'Ấp', 'Làng', 'Buôn', 'Bon', 'Đội', 'Cụm', 'Khu', 'Khóm', 'Plei'];
/** Regional unit words (Tây Nguyên, the South) are taken only as written or with other marks, never one letter off. */
const REGIONAL_UNITS: ReadonlySet<string> = new Set(['Bon', 'Khóm', 'Plei', 'Ấp']);
const HAMLET_UNIT_KEYS = HAMLET_UNITS.map((u) => ({ unit: u, toned: toneKey(u), folded: foldKey(u), nearby: !REGIONAL_UNITS.has(u) }));

/**
 * A hamlet entry whose first word is a unit word misread: its marks ("Bán Na Ngám") or, for a word of three
 * letters or more, one letter ("Đán Na Ngám", the B's bowls read as Đ), when exactly one unit word is that near;
 * its T read as 7 and its number's 1s as slashes ("7ổ/3", "7ổ13" → Tổ 13), as after a label the italic T and 1
 * are. Null when the entry already starts with a unit word as read, or nothing is near enough.
 *
 * @example
 * hamletUnitGuess('Đán Na Ngám'); // 'Bản Na Ngám'
 * hamletUnitGuess('7ổ/4'); // 'Tổ 14'
 * hamletUnitGuess('Bản Na Ngám'); // null
 */
export function hamletUnitGuess(hamlet: string | null): string | null {
  const read = hamlet?.trim() ?? '';
  const numbered = /^7?(\p{L}+)\s*([\d/|]+)$/u.exec(read);
  // A 7 before a capital is a speck read as a digit ("7Tổ/4"), before a small letter the T itself ("7ổ/4").
  const t = read.startsWith('7') && numbered && numbered[1][0] === numbered[1][0].toLowerCase() ? 'T' : '';
  const text = numbered && /\d/.test(numbered[2]) ? `${t}${numbered[1]} ${numbered[2].replace(/[/|]/g, '1')}` : read;
  const words = text.split(/\s+/);
  if (words.length < 2 || !/^\p{L}+$/u.test(words[0])) return null;
  const toned = toneKey(words[0]);
  if (HAMLET_UNIT_KEYS.some((k) => k.toned === toned)) return text === read ? null : text;
  const folded = foldKey(words[0]);
  let near = HAMLET_UNIT_KEYS.filter((k) => k.folded === folded);
  if (near.length === 0 && folded.length >= 3) near = HAMLET_UNIT_KEYS.filter((k) => k.nearby && k.folded.length >= 3 && boundedEditDistance(folded, k.folded, 1) <= 1);
  return near.length === 1 ? [near[0].unit, ...words.slice(1)].join(' ') : null;
}

/**
 * The name's number as the page may have misread it: every digit that differs is one a "1" or "0" is misread as
 * (7, 9), and at most one digit is lost or added (483391 read 48339; 39929134 read 399290734). For a name's
 * number of six digits or more: another book's number is not that near by chance.
 */
function sameButMisreadDigits(read: string, name: string): boolean {
  if (name.length < 6 || Math.abs(read.length - name.length) > 1) return false;
  // Lost or added digits needed to align the two, substituting only the misreads; at most one allowed.
  let row = Array.from({ length: name.length + 1 }, (_, j) => j);
  for (let i = 1; i <= read.length; i++) {
    const next = [i];
    for (let j = 1; j <= name.length; j++) {
      const same = read[i - 1] === name[j - 1] || (read[i - 1] === '7' && name[j - 1] === '1') || (read[i - 1] === '9' && name[j - 1] === '0');
      next[j] = Math.min(same ? row[j - 1] : Infinity, row[j] + 1, next[j - 1] + 1);
    }
    row = next;
  }
  return row[name.length] <= 1;
}

const SOURCE_VI: Record<Exclude<MisreadGuess['from'], 'nearest'>, string> = {
  personal_id: 'chữ số giới tính của số định danh',
  relation: 'quan hệ với chủ hộ',
  middle_name: 'tên đệm',
  file_name: 'số sổ trong tên tệp/thư mục',
  book_family: 'họ của các nhân khẩu khác trong sổ',
};

/**
 * The review issue of a guess: the reviewer sees what was read and what is proposed.
 *
 * @example
 * guessIssue({ field: 'sex', read: 'Mam', guess: 'Nam', from: 'nearest' }).message;
 * // "Chữ đọc được 'Mam' không hợp lệ; đã điền giá trị gần nhất 'Nam', cần đối chiếu với ảnh"
 */
export function guessIssue(g: MisreadGuess): Issue {
  const read = g.read === '' ? 'Không đọc được mục này' : `Chữ đọc được '${g.read}' không hợp lệ`;
  const message = g.from === 'nearest'
    ? `${read}; đã điền giá trị gần nhất '${g.guess}', cần đối chiếu với ảnh`
    : `${read}; đã điền theo ${SOURCE_VI[g.from]}: '${g.guess}', cần đối chiếu với ảnh`;
  return { field: g.field, code: 'ocr_value_guessed', severity: 'review', message };
}
