import type { RawField } from '../ingest/source-record.js';
import { decodePersonalId, type DecodedPersonalId } from '../normalize/personal-id.js';
import { toneKey } from '../normalize/vietnamese-text.js';
import { isPossibleBirthDate } from './digit-misreads.js';
import { correctField } from './field-correction.js';
import type { EntryReread, FieldReading, PageReading } from './ocr-types.js';
import { isPlausibleEntry, isPlausibleName } from './scan-field-checks.js';
import { isListedValue } from './vocabulary-snap.js';

/**
 * Two readings of a digit entry (the page's and the entry's own, see entry-reread.ts) put together:
 * - they agree: the value stands, as sure as the surer of the two readings;
 * - they disagree: one of them is wrong, so the field goes to a reviewer (confidence at most DOUBTFUL), with the
 *   entry's own reading when it passes the field's checks (an ID whose province code is known, whose birth
 *   year is possible and the page's, and whose sex is the page's; a possible birth date in the year the page's
 *   ID says), and the page's otherwise: the page's misreads are the kind digit-misreads.ts repairs (a flagged 1
 *   read as 7), and where no check applies (a book number, an old 9-digit CMND) nothing speaks for either.
 *   Where both pass, the entry's own reading is the better one: where two IDs differed in their random last
 *   six digits, which no check looks at, it was right in 5 of 8 (bench:ocr seeds 7 and 11). Where the two differ
 *   only by 1s read as 7s, each in its own place, the 1s are put back in both (flaggedOnes).
 * Names: a disagreement goes to review the same way, with the entry's own reading unless only the page's passes
 * the name checks (syllables, a known family name): read alone, a name was right in 13 of the 21 disagreements on
 * bench:ocr seeds 7 and 11 (clean, moderate), the page in 4. An agreement adds no certainty (a mark can be
 * misread alike twice, and no check knows a given name).
 * Word entries (list values, occupations, places, address parts): a disagreement goes to review the same way, with
 * the entry's own reading when it is the one that passes the field's check (see agreedWords).
 * Fields without a second reading are left as they are.
 */

/** Below the review thresholds (0.85, IDs 0.9): a field whose two readings differ is never accepted unseen. */
export const DOUBTFUL = 0.5;
const EARLIEST_BIRTH_YEAR = 1880;
const ID_FIELDS: ReadonlySet<RawField> = new Set(['personal_id', 'old_id', 'id_any']);
const DATE_FIELDS: ReadonlySet<RawField> = new Set(['birth_date', 'birth_year']);
export const NAME_FIELDS: ReadonlySet<RawField> = new Set(['full_name', 'other_name', 'household_head']);
const DIGIT_FIELDS: ReadonlySet<RawField> = new Set([...ID_FIELDS, ...DATE_FIELDS, 'household_book_no']);

/**
 * @example
 * applyRereads({ kind: 'member', labelled, fields: [{ field: 'birth_date', text: '77/04/2027', confidence: 0.58, … }] },
 *   [{ field: 'birth_date', text: '11.04.2021', confidence: 81 }], today);
 * // fields: [{ field: 'birth_date', text: '11/04/2021', confidence: 0.5, … }] (disagreement: to review)
 */
export function applyRereads(reading: PageReading, rereads: readonly EntryReread[] | undefined, today: Date): PageReading {
  if (!rereads || rereads.length === 0) return reading;
  const fields = [...reading.fields];
  // IDs first: an ID's structure holds the birth year, which then tells between two possible dates.
  const order = fields.map((f, i) => i).sort((a, b) => Number(!ID_FIELDS.has(fields[a].field)) - Number(!ID_FIELDS.has(fields[b].field)));
  for (const i of order) {
    const reread = rereads.find((r) => r.field === fields[i].field);
    if (reread) fields[i] = agreed(fields[i], reread, { today, fields });
  }
  return { ...reading, fields };
}

interface PageContext {
  today: Date;
  fields: readonly FieldReading[];
}

function agreed(page: FieldReading, reread: EntryReread, context: PageContext): FieldReading {
  const own = correctField(page.field, reread.text);
  const ownConfidence = reread.confidence / 100;
  if (NAME_FIELDS.has(page.field)) {
    // A name's marks can be misread alike twice, and no check knows a given name: agreement adds no certainty.
    if (own === page.text) return page;
    const text = isPlausibleName(own) || !isPlausibleName(page.text) ? own : page.text;
    return { ...page, text, confidence: Math.min(DOUBTFUL, page.confidence, ownConfidence) };
  }
  if (!DIGIT_FIELDS.has(page.field)) return agreedWords(page, own, ownConfidence);
  if (own === page.text) return { ...page, confidence: Math.max(page.confidence, ownConfidence) };
  const ones = flaggedOnes(page.text, own);
  const text = ones !== null && (page.field === 'household_book_no' || passes(page.field, ones, page.text, context)) ? ones
    : own !== '' && passes(page.field, own, page.text, context) ? own : page.text;
  return { ...page, text, confidence: Math.min(DOUBTFUL, page.confidence, ownConfidence) };
}

/**
 * Two readings of one number that differ only where one has a 1 and the other a 7: the flagged italic 1 read as
 * 7 (digit-misreads.ts), once on the page and once alone, in different places (ID 071319109882 on the page,
 * 011319709882 alone: 011319109882). Each such place is a 1; null when any other difference is there.
 *
 * @example
 * flaggedOnes('071319109882', '011319709882'); // '011319109882'
 * flaggedOnes('011218679928', '011218679926'); // null
 */
export function flaggedOnes(a: string, b: string): string | null {
  if (a.length !== b.length || a === b) return null;
  let out = '';
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) out += a[i];
    else if ((a[i] === '1' && b[i] === '7') || (a[i] === '7' && b[i] === '1')) out += '1';
    else return null;
  }
  return out;
}

/**
 * Two readings of a word entry (a list value, an occupation, a place, an address part): an agreement leaves the
 * page's reading as it was (a mark can be misread alike twice); a disagreement goes to review, with the entry's
 * own reading when it passes the field's check and the page's does not, or when it is a usual value the page's is
 * not ("Tự do" against "do"), or, in an address, when only digits differ (digits read alone are right more often).
 */
function agreedWords(page: FieldReading, read: string, ownConfidence: number): FieldReading {
  // "Số nhà 704" on the page is the label's word and the entry "704": the entry's own reading is the entry alone.
  const prefix = ENTRY_PREFIXES.find((p) => page.text.startsWith(`${p} `) && !read.startsWith(p));
  const own = prefix === undefined ? read : `${prefix} ${read}`;
  // Nothing read alone (a faint crop) says nothing against the page.
  if (read === '' || toneKey(own) === toneKey(page.text)) return page;
  const ownPasses = isPlausibleEntry(page.field, own);
  const better = ownPasses && (!isPlausibleEntry(page.field, page.text)
    || (isListedValue(page.field, own) && !isListedValue(page.field, page.text))
    || (page.field === 'address' && own.replace(/\d/g, '0') === page.text.replace(/\d/g, '0')));
  return { ...page, text: better ? own : page.text, confidence: Math.min(DOUBTFUL, page.confidence, ownConfidence) };
}

/** Words a label puts before its entry on the page (page-labels.ts `prefix`). */
const ENTRY_PREFIXES = ['Số nhà', 'Đường'];

/**
 * The date and ID checks, as far as the page can tell them. A value no check applies to (a book number, an old
 * 9-digit CMND) does not pass: nothing speaks for the entry's own reading there.
 */
function passes(field: RawField, text: string, other: string, { today, fields }: PageContext): boolean {
  if (DATE_FIELDS.has(field)) {
    const year = fields.map((f) => (ID_FIELDS.has(f.field) ? possibleId(f.text, fields, today) : null)).find((id) => id != null)?.birthYear;
    return isPossibleBirthDate(text, today) && (year === undefined || text.endsWith(String(year)));
  }
  if (!ID_FIELDS.has(field)) return false;
  const id = possibleId(text, fields, today);
  if (id === null || decodePersonalId(other)?.birthYear === id.birthYear) return id !== null;
  // The readings differ in the year: the page's date (as read: IDs are put together first) tells, if possible.
  const date = fields.find((f) => DATE_FIELDS.has(f.field))?.text;
  return date === undefined || !isPossibleBirthDate(date, today) || date.endsWith(String(id.birthYear));
}

/** A 12-digit ID with a known province code, a possible birth year, and the page's sex (when it says one). */
function possibleId(text: string, fields: readonly FieldReading[], today: Date): DecodedPersonalId | null {
  const id = decodePersonalId(text);
  if (id === null || id.province === null) return null;
  if (id.birthYear < EARLIEST_BIRTH_YEAR || id.birthYear > today.getFullYear()) return null;
  const sex = fields.find((f) => f.field === 'sex')?.text;
  return (sex === 'Nam' && id.sex !== 'M') || (sex === 'Nữ' && id.sex !== 'F') ? null : id;
}
