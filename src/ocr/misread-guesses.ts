import type { RawField, SourceRecord } from '../ingest/source-record.js';
import type { Issue } from '../normalize/issue.js';
import { normalizeSex } from '../normalize/sex.js';
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
  /** Where the guess comes from: the nearest allowed value or name, or the sex digit of the personal ID. */
  from: 'nearest' | 'personal_id';
}

const VOCABULARY_FIELDS: readonly RawField[] = ['sex', 'nationality', 'ethnicity', 'relation_to_head', 'religion'];
const PLACE_FIELDS: readonly RawField[] = ['birthplace', 'native_place', 'address', 'commune', 'district', 'province'];

/**
 * @example
 * guessMisreads({ sex: 'Mam', birth_date: '7963' }, { today, places });
 * // { raw: { sex: 'Nam', birth_date: '1963' }, guesses: [{ field: 'sex', read: 'Mam', guess: 'Nam', from: 'nearest' }, …] }
 */
export function guessMisreads(raw: Raw, context: { today: Date; places: PlaceNameIndex }): { raw: Raw; guesses: MisreadGuess[] } {
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
  const digits = guessDigitMisreads({ birthDate: text('birth_date'), personalId: text('personal_id'), sex }, context.today);
  replace('birth_date', digits.birthDate);
  replace('personal_id', digits.personalId);
  if (digits.sex !== null) replace('sex', digits.sex === 'M' ? 'Nam' : 'Nữ', 'personal_id');
  for (const field of PLACE_FIELDS) {
    const read = text(field);
    if (read !== null) replace(field, snapPlaceNames(read, context.places));
  }
  return { raw: out, guesses };
}

/**
 * The review issue of a guess: the reviewer sees what was read and what is proposed.
 *
 * @example
 * guessIssue({ field: 'sex', read: 'Mam', guess: 'Nam', from: 'nearest' }).message;
 * // "Chữ đọc được 'Mam' không hợp lệ; đã điền giá trị gần nhất 'Nam', cần đối chiếu với ảnh"
 */
export function guessIssue(g: MisreadGuess): Issue {
  const read = g.read === '' ? 'Không đọc được mục này' : `Chữ đọc được '${g.read}' không hợp lệ`;
  const message = g.from === 'personal_id'
    ? `${read}; đã điền theo chữ số giới tính của số định danh: '${g.guess}', cần đối chiếu với ảnh`
    : `${read}; đã điền giá trị gần nhất '${g.guess}', cần đối chiếu với ảnh`;
  return { field: g.field, code: 'ocr_value_guessed', severity: 'review', message };
}
