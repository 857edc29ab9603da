import type { RawField, SourceRecord } from '../ingest/source-record.js';
import type { Issue } from '../normalize/issue.js';
import { normalizeRelation } from '../normalize/relation.js';
import { normalizeSex } from '../normalize/sex.js';
import { toneKey } from '../normalize/vietnamese-text.js';
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
  from: 'nearest' | 'personal_id' | 'relation' | 'middle_name' | 'file_name';
}

const FEMALE_RELATIONS = new Set(['Vợ', 'Mẹ', 'Con gái', 'Con dâu', 'Chị', 'Chị gái', 'Em gái', 'Chị dâu', 'Em dâu', 'Bà', 'Bà nội', 'Bà ngoại', 'Mẹ vợ', 'Mẹ chồng', 'Mẹ nuôi', 'Mẹ kế', 'Cô', 'Dì', 'Thím', 'Mợ', 'Cháu dâu']);
const MALE_RELATIONS = new Set(['Chồng', 'Bố', 'Con trai', 'Con rể', 'Anh', 'Anh trai', 'Em trai', 'Anh rể', 'Em rể', 'Ông', 'Ông nội', 'Ông ngoại', 'Bố vợ', 'Bố chồng', 'Bố nuôi', 'Bố dượng', 'Chú', 'Bác', 'Cậu', 'Dượng', 'Cháu rể']);

const VOCABULARY_FIELDS: readonly RawField[] = ['sex', 'nationality', 'ethnicity', 'relation_to_head', 'religion', 'occupation'];
const PLACE_FIELDS: readonly RawField[] = ['birthplace', 'native_place', 'address'];
/** An address printed in labelled parts, smallest first: read together, each part is looked for in the next. */
const UNIT_FIELDS: readonly RawField[] = ['commune', 'district', 'province'];

/**
 * @example
 * guessMisreads({ sex: 'Mam', birth_date: '7963' }, { today, places });
 * // { raw: { sex: 'Nam', birth_date: '1963' }, guesses: [{ field: 'sex', read: 'Mam', guess: 'Nam', from: 'nearest' }, …] }
 */
export function guessMisreads(
  raw: Raw,
  context: { today: Date; places: PlaceNameIndex; bookInName?: string | null; provinceCode?: string | null; provinceName?: string | null },
): { raw: Raw; guesses: MisreadGuess[] } {
  const out: Raw = { ...raw };
  const guesses: MisreadGuess[] = [];
  const replace = (field: RawField, guess: string | null, from: MisreadGuess['from'] = 'nearest'): void => {
    const read = typeof out[field] === 'string' ? out[field]! : '';
    if (guess === null || guess === read) return;
    out[field] = guess;
    guesses.push({ field, read, guess, from });
  };
  const text = (field: RawField): string | null => (typeof out[field] === 'string' && out[field]!.trim() !== '' ? out[field]! : null);

  for (const field of VOCABULARY_FIELDS) {
    const read = text(field);
    if (read !== null) replace(field, snapToVocabulary(field, read));
  }
  const sexRead = text('sex');
  const sex = sexRead === null ? null : normalizeSex(sexRead).value;
  // Editions that print "CMND số" hold either number under it (id_any): the 12-digit one is the personal ID.
  const idField: RawField = text('personal_id') !== null ? 'personal_id' : 'id_any';
  const digits = guessDigitMisreads({ birthDate: text('birth_date'), personalId: text(idField), sex }, context.today, context.provinceCode ?? null);
  replace('birth_date', digits.birthDate);
  replace(idField, digits.personalId);
  if (digits.sex !== null) replace('sex', digits.sex === 'M' ? 'Nam' : 'Nữ', 'personal_id');
  if (normalizeSex(text('sex') ?? '').value === null) {
    const relation = normalizeRelation(text('relation_to_head') ?? '').value;
    const middle = (text('full_name') ?? '').split(/\s+/).slice(1, -1).map((w) => toneKey(w));
    if (relation !== null && (FEMALE_RELATIONS.has(relation) || MALE_RELATIONS.has(relation))) replace('sex', FEMALE_RELATIONS.has(relation) ? 'Nữ' : 'Nam', 'relation');
    else if (middle.includes('thị')) replace('sex', 'Nữ', 'middle_name');
    else if (middle.includes('văn')) replace('sex', 'Nam', 'middle_name');
  }
  const book = text('household_book_no');
  if (book !== null && context.bookInName && sameButMisreadDigits(book.replace(/\D/g, ''), context.bookInName)) {
    replace('household_book_no', context.bookInName, 'file_name');
  }
  for (const field of PLACE_FIELDS) {
    const read = text(field);
    if (read !== null) replace(field, snapPlaceNames(read, context.places, context.provinceName ?? null));
  }
  const units = UNIT_FIELDS.filter((f) => text(f) !== null && !text(f)!.includes(','));
  const snapped = units.length > 0 ? snapPlaceNames(units.map((f) => text(f)).join(', '), context.places, context.provinceName ?? null)?.split(', ') : undefined;
  if (snapped?.length === units.length) units.forEach((f, i) => replace(f, snapped[i]));
  return { raw: out, guesses };
}

/** Same length, and every digit that differs is one a "1" or "0" is misread as (7, 9). */
function sameButMisreadDigits(read: string, name: string): boolean {
  if (read.length !== name.length) return false;
  for (let i = 0; i < read.length; i++) {
    if (read[i] !== name[i] && !((read[i] === '7' && name[i] === '1') || (read[i] === '9' && name[i] === '0'))) return false;
  }
  return true;
}

const SOURCE_VI: Record<Exclude<MisreadGuess['from'], 'nearest'>, string> = {
  personal_id: 'chữ số giới tính của số định danh',
  relation: 'quan hệ với chủ hộ',
  middle_name: 'tên đệm',
  file_name: 'số sổ trong tên tệp/thư mục',
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
